namespace CaseFy.Model.Cases;

/// <summary>When an automation runs: on entering the stage, on leaving it, or on its SLA breach (the breach webhook).</summary>
public static class AutomationPhase
{
    public const string Enter = "enter";
    public const string Exit = "exit";
    public const string Breach = "breach";
}
