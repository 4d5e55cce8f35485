namespace CaseFy.Application.Intake;

/// <summary>What <c>GET /api/intake/{slug}</c> tells anyone: the form to fill (besides the submitter's name and e-mail).</summary>
/// <param name="Template">The template's name (what the form opens).</param>
/// <param name="Description">The template's description, if any.</param>
/// <param name="Fields">The form's inputs, in the form's order.</param>
/// <param name="AllowedEmailDomains">When not empty, only addresses of these domains may submit.</param>
public sealed record IntakeForm(string Template, string? Description, IReadOnlyList<Portal.PortalField> Fields, IReadOnlyList<string> AllowedEmailDomains);
