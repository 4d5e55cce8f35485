namespace CaseFy.Model.Ports;

/// <summary>Readies storage when a host starts; every step is idempotent, so each instance may run it.</summary>
public interface IStorageSetup
{
    /// <summary>
    /// Creates what CaseFy stores into (tables, the documents container), brings stored data up to the current layout,
    /// and, where the app may set it (storage on a connection string, such as Azurite), lets browsers from
    /// <paramref name="portalOrigins"/> PUT direct uploads.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<string> portalOrigins, CancellationToken cancellationToken);
}
