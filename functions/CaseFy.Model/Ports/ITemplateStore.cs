using CaseFy.Model.Templates;

namespace CaseFy.Model.Ports;

/// <summary>Where template versions live. Versions are immutable once stored; a summary per template tracks the newest and archiving.</summary>
public interface ITemplateStore
{
    /// <summary>Stores version 1 of a new template; <see langword="false"/> when that id exists already.</summary>
    Task<bool> AddAsync(CaseTemplate template, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the next version of a template, provided its newest version is still <paramref name="expectedLatest"/>
    /// (the summary is ETag-checked in the same transaction).
    /// </summary>
    /// <returns><see langword="null"/> when there is no such template; <see langword="false"/> when the expected version is stale.</returns>
    Task<bool?> AddVersionAsync(CaseTemplate template, int expectedLatest, CancellationToken cancellationToken);

    /// <summary>Reads one version, or the newest when <paramref name="version"/> is <see langword="null"/>.</summary>
    Task<CaseTemplate?> GetAsync(string templateId, int? version, CancellationToken cancellationToken);

    /// <summary>Reads a template's summary, or <see langword="null"/> when there is none.</summary>
    Task<TemplateSummary?> GetSummaryAsync(string templateId, CancellationToken cancellationToken);

    /// <summary>Every template's summary, by name.</summary>
    Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every version of a template, oldest first.</summary>
    Task<IReadOnlyList<CaseTemplate>> ListVersionsAsync(string templateId, CancellationToken cancellationToken);

    /// <summary>
    /// Reserves a case number prefix for a template, for good (numbers once given out stay unique). Idempotent for the
    /// same template.
    /// </summary>
    /// <returns><see langword="false"/> when another template holds it.</returns>
    Task<bool> ReservePrefixAsync(string prefix, string templateId, CancellationToken cancellationToken);

    /// <summary>Reserves an intake form slug for a template, for good, like a prefix. Idempotent for the same template.</summary>
    /// <returns><see langword="false"/> when another template holds it.</returns>
    Task<bool> ReserveIntakeSlugAsync(string slug, string templateId, CancellationToken cancellationToken);

    /// <summary>The id of the template holding an intake slug, or <see langword="null"/>.</summary>
    Task<string?> FindIntakeSlugAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The next case number of a template (1, 2, 3…), from an ETag-checked counter: never the same twice.</summary>
    Task<long> NextCaseNumberAsync(string templateId, CancellationToken cancellationToken);

    /// <summary>Marks a template archived: no new cases. <see langword="null"/> when there is no such template.</summary>
    Task<TemplateSummary?> ArchiveAsync(string templateId, DateTimeOffset now, CancellationToken cancellationToken);
}
