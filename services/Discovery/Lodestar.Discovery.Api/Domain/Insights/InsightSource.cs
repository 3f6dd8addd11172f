namespace Lodestar.Discovery.Domain.Insights;

/// <summary>Where a piece of evidence came from; numbers match the API's enum.</summary>
public enum InsightSource
{
    Interview = 1,
    Survey = 2,
    SupportTicket = 3,
    SalesCall = 4,
    Review = 5,
    Analytics = 6,
    Other = 7,
}
