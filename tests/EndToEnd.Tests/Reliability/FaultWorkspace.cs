using Lodestar.AppHost.Seeding;
using Strategy = Lodestar.Strategy.V1;

namespace EndToEnd.Tests.Reliability;

/// <summary>A fresh workspace of the fault suite, its admin's clients, and a product every service already knows.</summary>
public sealed record FaultWorkspace(Guid Id, LodestarClients Api, Strategy.Product Product);
