using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CaseFy.InfraTests;

/// <summary>
/// One resource of a compiled ARM template, with the template that holds it and the
/// module deployment (<c>Microsoft.Resources/deployments</c>) that holds that template.
/// </summary>
public sealed partial record ArmResource(string? SymbolicName, JsonObject Body, JsonObject Template, ArmResource? Deployment)
{
    public string Type => Body["type"]!.GetValue<string>();

    /// <summary>The node at a dotted path under the resource, e.g. <c>properties.httpsOnly</c>.</summary>
    public JsonNode? At(string path)
    {
        JsonNode? node = Body;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
        }

        return node;
    }

    /// <summary>A module parameter's value as the parent template passes it (deployments only).</summary>
    public JsonNode? Parameter(string name) => At("properties.parameters")?[name]?["value"];

    /// <summary>
    /// Follows <c>[parameters('x')]</c> up through module deployments and
    /// <c>[variables('x')]</c> / <c>[variables('x').y]</c> inside a template until the value
    /// is a literal or some other expression.
    /// </summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        if (value is not JsonValue jsonValue || !jsonValue.TryGetValue<string>(out var text))
        {
            return value;
        }

        var parameter = ParameterExpression().Match(text);
        if (parameter.Success && Deployment is not null)
        {
            return Deployment.Resolve(Deployment.Parameter(parameter.Groups[1].Value));
        }

        var variable = VariableExpression().Match(text);
        if (variable.Success)
        {
            var node = Template["variables"]?[variable.Groups[1].Value];
            if (variable.Groups[2].Success)
            {
                node = node?[variable.Groups[2].Value];
            }

            return Resolve(node);
        }

        return value;
    }

    /// <summary>The resolved value the enclosing module deployment passes for <c>parameters('name')</c>.</summary>
    public JsonNode? ResolveParameter(string name) =>
        Deployment is null ? null : Deployment.Resolve(Deployment.Parameter(name));

    /// <summary>The value at <paramref name="path"/>, resolved, as text.</summary>
    public string? ResolvedText(string path) => Resolve(At(path))?.ToString();

    /// <summary>An expression with its <c>variables('x')</c> / <c>variables('x').y</c> string references inlined.</summary>
    public string ExpandVariables(string expression) =>
        VariableReference().Replace(expression, match =>
        {
            var node = Template["variables"]?[match.Groups[1].Value];
            if (match.Groups[2].Success)
            {
                node = node?[match.Groups[2].Value];
            }

            return node is JsonValue v && v.TryGetValue<string>(out var literal) ? $"'{literal}'" : match.Value;
        });

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex ParameterExpression();

    [GeneratedRegex(@"^\[variables\('([^']+)'\)(?:\.(\w+))?\]$")]
    private static partial Regex VariableExpression();

    [GeneratedRegex(@"variables\('([^']+)'\)(?:\.(\w+))?")]
    private static partial Regex VariableReference();
}
