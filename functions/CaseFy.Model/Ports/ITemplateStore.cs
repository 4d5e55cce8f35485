using CaseFy.Model.Templates;

namespace CaseFy.Model.Ports;

/// <summary>Where template versions live. Versions are immutable once stored.</summary>
public interface ITemplateStore
{
    /// <summary>Stores a new template version; <see langword="false"/> when that id and version exist already.</summary>
    Task<bool> AddAsync(CaseTemplate template, CancellationToken cancellationToken);

    /// <summary>Reads one version, or the newest when <paramref name="version"/> is <see langword="null"/>.</summary>
    Task<CaseTemplate?> GetAsync(string templateId, int? version, CancellationToken cancellationToken);
}
