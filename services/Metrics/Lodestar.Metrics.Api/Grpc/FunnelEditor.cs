using Lodestar.Errors;
using Lodestar.Metrics.Domain.Events;
using Lodestar.Metrics.Domain.Funnels;
using V1 = Lodestar.Metrics.V1;

namespace Lodestar.Metrics.Grpc;

/// <summary>A funnel's fields applied from a request; every bad field is named at once.</summary>
public static class FunnelEditor
{
    public static readonly string[] Fields = ["display_name", "steps", "conversion_window"];

    public static void Apply(Funnel funnel, V1.Funnel input, IReadOnlyCollection<string> paths)
    {
        var violations = new Violations();
        if (paths.Contains("display_name")) violations.RequiredText("funnel.display_name", input.DisplayName, Funnel.MaxDisplayName);
        if (paths.Contains("steps"))
        {
            if (input.Steps.Count is < Funnel.MinSteps or > Funnel.MaxSteps)
                violations.Add("funnel.steps", $"{Funnel.MinSteps}–{Funnel.MaxSteps} steps; got {input.Steps.Count}.");
            for (var i = 0; i < input.Steps.Count && i < Funnel.MaxSteps; i++)
                if (!EventRules.IsEventName(input.Steps[i])) violations.Add($"funnel.steps[{i}]", "Not an event name.");
        }
        var window = Funnel.DefaultWindow;
        if (paths.Contains("conversion_window") && input.ConversionWindow is { } given)
        {
            if (given.Seconds is < 0 or > 100L * 86400 || given.Nanos is < 0 or > 999_999_999) violations.Add("funnel.conversion_window", "1 minute to 90 days.");
            else if ((window = given.ToTimeSpan()) < Funnel.MinWindow || window > Funnel.MaxWindow) violations.Add("funnel.conversion_window", "1 minute to 90 days.");
        }
        violations.ThrowIfAny();
        if (paths.Contains("display_name")) funnel.DisplayName = input.DisplayName.Trim();
        if (paths.Contains("steps")) funnel.Steps = [.. input.Steps];
        if (paths.Contains("conversion_window")) funnel.Window = window;
    }
}
