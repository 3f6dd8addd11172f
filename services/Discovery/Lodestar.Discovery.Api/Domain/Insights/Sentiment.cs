namespace Lodestar.Discovery.Domain.Insights;

/// <summary>How the customer felt; numbers match the API's enum.</summary>
public enum Sentiment
{
    Negative = 1,
    Neutral = 2,
    Positive = 3,
}
