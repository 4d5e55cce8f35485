using System.Text.Json.Nodes;
using CaseFy.Application.Apis;
using CaseFy.Application.Events;

namespace CaseFy.InfraTests;

/// <summary>
/// infra/blob-subscription.bicep, the subscription the postdeploy hook creates: BlobCreated in the documents container
/// to the API's webhook, with the shared secret in a secret delivery header (never in the URL).
/// </summary>
public sealed class BlobSubscriptionTemplateTests(BlobSubscriptionFixture fixture, CompiledTemplateFixture main)
    : IClassFixture<BlobSubscriptionFixture>
{
    private readonly ArmResource _subscription = fixture.Template.OnlyOfType("Microsoft.EventGrid/systemTopics/eventSubscriptions");

    [Fact]
    public void Subscription_Destination_IsTheApiWebhookWithNothingInTheQuery()
    {
        Assert.Equal("WebHook", _subscription.At("properties.destination.endpointType")?.ToString());
        Assert.Equal("EventGridSchema", _subscription.At("properties.eventDeliverySchema")?.ToString());
        Assert.Equal(
            $"[format('{{0}}/{ApiRoutes.Prefix}/{ApiRoutes.EventGridWebhook}', parameters('apiUri'))]",
            _subscription.At("properties.destination.properties.endpointUrl")?.ToString());
        Assert.Equal("1", _subscription.At("properties.destination.properties.maxEventsPerBatch")?.ToString());
    }

    [Fact]
    public void Subscription_Secret_TravelsInASecretStaticDeliveryHeaderTheApiReads()
    {
        var mapping = Assert.Single(_subscription.At("properties.destination.properties.deliveryAttributeMappings")!.AsArray())!;

        Assert.Equal(InboundSecret.HeaderName, _subscription.Resolve(mapping["name"])?.ToString());
        Assert.Equal("Static", mapping["type"]?.ToString());
        Assert.Equal("true", mapping["properties"]!["isSecret"]?.ToString());
        Assert.Equal("[parameters('inboundWebhookSecret')]", mapping["properties"]!["value"]?.ToString());
        Assert.Equal("securestring", fixture.Template.Root["parameters"]!["inboundWebhookSecret"]!["type"]?.ToString());
    }

    [Fact]
    public void Subscription_Filter_IsBlobCreatedInTheDocumentsContainer()
    {
        var types = _subscription.At("properties.filter.includedEventTypes")!.AsArray().Select(t => t!.ToString());

        Assert.Equal(["Microsoft.Storage.BlobCreated"], types);
        Assert.Equal("[format('/blobServices/default/containers/{0}/', parameters('documentsContainerName'))]", _subscription.At("properties.filter.subjectBeginsWith")?.ToString());
    }

    [Fact]
    public void Subscription_Parent_IsTheSystemTopicMainBicepMakes()
    {
        Assert.StartsWith("[format('{0}/{1}', parameters('systemTopicName'), ", _subscription.At("name")?.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("/deploymentTemplate.json#", fixture.Template.Root["$schema"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("systemTopicName", "AZURE_EVENTGRID_SYSTEM_TOPIC_NAME")]
    [InlineData("apiUri", "SERVICE_API_URI")]
    [InlineData("documentsContainerName", "AZURE_STORAGE_DOCUMENTS_CONTAINER")]
    public void ParametersFile_Parameter_IsTheMainBicepOutputAzdStores(string parameter, string output)
    {
        Assert.Equal(BlobSubscriptionFixture.Environment[output], fixture.Parameters[parameter]?["value"]?.ToString());
        Assert.NotNull(main.Template.Root["outputs"]![output]);
    }

    [Fact]
    public void ParametersFile_Secret_IsTheVariableThatFillsTheAppsInboundSecret()
    {
        // The header Event Grid sends and the value the app compares it with come from one azd variable.
        var mainParameters = JsonNode.Parse(File.ReadAllText(RepoPaths.MainParameters))!["parameters"]!;

        Assert.Equal(BlobSubscriptionFixture.Environment["CASEFY_INBOUND_WEBHOOK_SECRET"], fixture.Parameters["inboundWebhookSecret"]?["value"]?.ToString());
        Assert.Equal("${CASEFY_INBOUND_WEBHOOK_SECRET}", mainParameters["inboundWebhookSecret"]?["value"]?.ToString());
    }
}
