namespace CaseFy.Telemetry;

/// <summary>
/// Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> (<c>Authorization=AAD;ClientId=…</c>), the setting the
/// Functions host itself uses to send telemetry with a managed identity, so the worker's exporter authenticates the
/// same way from the same one setting.
/// </summary>
/// <param name="UsesEntraId">Whether telemetry is sent with a token (Entra ID) instead of the connection string's key.</param>
/// <param name="ClientId">The user-assigned managed identity's client id; <see langword="null"/> for the system-assigned one.</param>
public sealed record AzureMonitorAuthentication(bool UsesEntraId, string? ClientId)
{
    /// <summary>The app setting's name.</summary>
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Parses the setting; a missing or empty one means the connection string's key.</summary>
    public static AzureMonitorAuthentication Parse(string? setting)
    {
        var parts = (setting ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1], StringComparer.OrdinalIgnoreCase);
        var entra = parts.TryGetValue("Authorization", out var authorization)
            && string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase);
        return new AzureMonitorAuthentication(entra, parts.TryGetValue("ClientId", out var clientId) && clientId.Length > 0 ? clientId : null);
    }
}
