namespace CaseFy.IntegrationTests;

/// <summary>The events test classes share one <see cref="EventsFixture"/> (one Azurite, topic stub and host).</summary>
[CollectionDefinition(Name)]
public sealed class EventsTestGroup : ICollectionFixture<EventsFixture>
{
    public const string Name = "events";
}
