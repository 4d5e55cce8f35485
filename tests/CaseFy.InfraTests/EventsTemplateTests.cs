namespace CaseFy.InfraTests;

/// <summary>Event Grid: the lifecycle custom topic and Blob Storage events into the API.</summary>
public sealed class EventsTemplateTests(CompiledTemplateFixture fixture)
{
    private readonly ArmTemplate _template = fixture.Template;

    [Fact]
    public void CustomTopic_Auth_IsEntraOnlyWithCloudEvents()
    {
        var topic = _template.OnlyOfType("Microsoft.EventGrid/topics");

        Assert.Equal("true", topic.At("properties.disableLocalAuth")?.ToString());
        Assert.Equal("CloudEventSchemaV1_0", topic.At("properties.inputSchema")?.ToString());
    }

    [Fact]
    public void SystemTopic_Source_IsTheStorageAccount()
    {
        var systemTopic = _template.OnlyOfType("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", systemTopic.At("properties.topicType")?.ToString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", systemTopic.At("properties.source")?.ToString());
        Assert.Equal(_template.Module("storage").Parameter("name")?.ToString(), systemTopic.Deployment!.Parameter("storageAccountName")?.ToString());
    }

    [Fact]
    public void BlobSubscription_Filter_IsBlobCreatedInDocuments()
    {
        var subscription = _template.OnlyOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        var types = subscription.At("properties.filter.includedEventTypes")!.AsArray().Select(t => t!.ToString());
        Assert.Equal(["Microsoft.Storage.BlobCreated"], types);
        Assert.Equal("[format('/blobServices/default/containers/{0}/', parameters('documentsContainerName'))]", subscription.At("properties.filter.subjectBeginsWith")?.ToString());
        Assert.Equal("documents", subscription.ResolveParameter("documentsContainerName")?.ToString());
    }

    [Fact]
    public void BlobSubscription_Destination_IsTheApiWebhookWithSecret()
    {
        var subscription = _template.OnlyOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal("WebHook", subscription.At("properties.destination.endpointType")?.ToString());
        Assert.Equal("EventGridSchema", subscription.At("properties.eventDeliverySchema")?.ToString());
        Assert.Equal(
            "[format('{0}/api/events/eventgrid?secret={1}', reference('api').outputs.uri.value, uriComponent(parameters('inboundWebhookSecret')))]",
            subscription.ResolvedText("properties.destination.properties.endpointUrl"));
        Assert.Equal("securestring", subscription.Template["parameters"]!["webhookUrl"]!["type"]?.ToString());
    }

    [Fact]
    public void BlobSubscription_Condition_IsOffUntilRequested()
    {
        var subscription = _template.OnlyOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

        Assert.Equal("[parameters('deployBlobEventSubscription')]", subscription.ResolvedText("condition"));
        Assert.Equal("False", _template.Root["parameters"]!["deployBlobEventSubscription"]!["defaultValue"]?.ToString(), ignoreCase: true);
    }
}
