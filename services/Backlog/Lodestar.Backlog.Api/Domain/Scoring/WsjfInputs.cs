using Lodestar.Errors;

namespace Lodestar.Backlog.Domain.Scoring;

/// <summary>WSJF = Cost of Delay ÷ Job size; Cost of Delay = user/business value + time criticality + risk reduction.</summary>
public sealed record WsjfInputs(double UserBusinessValue, double TimeCriticality, double RiskReduction, double JobSize)
{
    public const string Formula = "WSJF = (User/business value + Time criticality + Risk reduction/opportunity enablement) ÷ Job size";
    public const double MaxValue = 100;

    public static void Validate(Violations violations, string field, WsjfInputs wsjf)
    {
        foreach (var (name, value) in new[]
                 {
                     ("user_business_value", wsjf.UserBusinessValue), ("time_criticality", wsjf.TimeCriticality), ("risk_reduction", wsjf.RiskReduction),
                 })
        {
            if (!RiceInputs.InRange(value, 0, MaxValue)) violations.Add($"{field}.{name}", $"From 0 to {MaxValue}; got {value}.");
        }
        if (!double.IsFinite(wsjf.JobSize) || wsjf.JobSize <= 0 || wsjf.JobSize > MaxValue)
            violations.Add($"{field}.job_size", $"More than 0 and at most {MaxValue}; got {wsjf.JobSize}.");
    }

    public double CostOfDelay(InputReader read) =>
        read("wsjf.user_business_value", UserBusinessValue) + read("wsjf.time_criticality", TimeCriticality) + read("wsjf.risk_reduction", RiskReduction);

    public double Score(InputReader read) => CostOfDelay(read) / read("wsjf.job_size", JobSize);
}
