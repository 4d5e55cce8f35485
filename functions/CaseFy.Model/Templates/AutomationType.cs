using System.Text.Json.Serialization;
using CaseFy.Model.Json;

namespace CaseFy.Model.Templates;

/// <summary>What an automation does.</summary>
[JsonConverter(typeof(NamedEnumConverter<AutomationType>))]
public enum AutomationType
{
    /// <summary>Adds a task (<see cref="AutomationDefinition.Task"/>).</summary>
    [JsonStringEnumMemberName("createTask")]
    CreateTask,

    /// <summary>Requests a document defined in the template (<see cref="AutomationDefinition.Document"/>).</summary>
    [JsonStringEnumMemberName("requestDocument")]
    RequestDocument,

    /// <summary>Assigns the stage's open tasks (or the one named by <see cref="AutomationDefinition.TaskKey"/>) to <see cref="AutomationDefinition.Assignee"/>.</summary>
    [JsonStringEnumMemberName("assign")]
    Assign,

    /// <summary>POSTs a signed JSON body to <see cref="AutomationDefinition.Url"/>, retrying with back-off.</summary>
    [JsonStringEnumMemberName("webhook")]
    Webhook,

    /// <summary>Raises a named lifecycle event (<see cref="AutomationDefinition.Event"/>): an <c>EventRaised</c> entry the event publisher sends.</summary>
    [JsonStringEnumMemberName("publishEvent")]
    PublishEvent,

    /// <summary>Moves the case to another stage when a field condition holds (<see cref="AutomationDefinition.When"/>, <see cref="AutomationDefinition.Outcome"/>).</summary>
    [JsonStringEnumMemberName("route")]
    Route,
}
