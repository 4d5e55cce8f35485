namespace CaseFy.Model.Cases;

/// <summary>Bounds that keep a case's row well under Table Storage's 1 MiB entity limit.</summary>
public static class CaseLimits
{
    public const int MaxTasks = 500;
    public const int MaxDocuments = 200;
    public const int MaxVersionsPerDocument = 50;
    public const int MaxDecisions = 200;
    public const int MaxCommentLength = 4000;
}
