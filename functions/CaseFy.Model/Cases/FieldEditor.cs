namespace CaseFy.Model.Cases;

/// <summary>Who is writing a case's data: the team (fields filled by the team or both) the outside party through a portal link, or someone filling the public intake form.</summary>
public enum FieldEditor
{
    /// <summary>A signed-in person working the case: fields with <c>filledBy</c> team or both.</summary>
    Team,

    /// <summary>A portal link with <c>answer</c>: the current stage's <c>externalFields</c> only.</summary>
    External,

    /// <summary>Someone submitting the template's public intake form: the form's fields only.</summary>
    Intake,
}
