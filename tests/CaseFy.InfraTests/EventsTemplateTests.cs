namespace CaseFy.InfraTests;

/// <summary>Event Grid in main.bicep: the lifecycle custom topic and the system topic for Blob Storage events.</summary>
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
    public void SystemTopic_Source_IsTheCaseDataAccount()
    {
        var systemTopic = _template.OnlyOfType("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", systemTopic.At("properties.topicType")?.ToString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", systemTopic.At("properties.source")?.ToString());
        Assert.Equal(_template.Module("dataStorage").Parameter("name")?.ToString(), systemTopic.Deployment!.Parameter("storageAccountName")?.ToString());
    }

    [Fact]
    public void MainTemplate_EventSubscriptions_AreNone()
    {
        // Provisioning runs before the code is deployed: a WebHook subscription created then would fail Event Grid's
        // validation handshake. The postdeploy hook creates it (BlobSubscriptionTemplateTests).
        Assert.Empty(_template.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
        Assert.Empty(_template.OfType("Microsoft.EventGrid/eventSubscriptions"));
        Assert.Null(_template.Root["parameters"]!["deployBlobEventSubscription"]);
    }

    [Fact]
    public void SystemTopicName_Output_IsTheBlobEventsModulesTopic()
    {
        Assert.Equal("[reference('blobEvents').outputs.name.value]", _template.Root["outputs"]!["AZURE_EVENTGRID_SYSTEM_TOPIC_NAME"]!["value"]?.ToString());
        Assert.Equal("[variables('names').systemTopic]", _template.Module("blobEvents").Parameter("name")?.ToString());
    }
}
