using System.Text.Json.Nodes;

namespace CaseFy.InfraTests;

/// <summary>A compiled ARM template, flattened: every resource of every nested module deployment.</summary>
public sealed class ArmTemplate
{
    private ArmTemplate(JsonObject root)
    {
        Root = root;
        Resources = Walk(root, deployment: null).ToList();
    }

    public JsonObject Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The template is not a JSON object."));

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource OnlyOfType(string type) => Assert.Single(OfType(type));

    /// <summary>A module of main.bicep, by its symbolic name.</summary>
    public ArmResource Module(string symbolicName) =>
        Assert.Single(Resources, r => r.Deployment is null && r.SymbolicName == symbolicName);

    private static IEnumerable<ArmResource> Walk(JsonObject template, ArmResource? deployment)
    {
        // languageVersion 2.0 templates keep resources in an object keyed by symbolic name.
        var entries = template["resources"] switch
        {
            JsonArray array => array.Select(node => (Name: (string?)null, Node: node)),
            JsonObject map => map.Select(pair => (Name: (string?)pair.Key, Node: pair.Value)),
            _ => [],
        };

        foreach (var (name, node) in entries)
        {
            if (node is not JsonObject body)
            {
                continue;
            }

            var resource = new ArmResource(name, body, template, deployment);
            yield return resource;

            if (resource.At("properties.template") is JsonObject nested)
            {
                foreach (var inner in Walk(nested, resource))
                {
                    yield return inner;
                }
            }
        }
    }
}
