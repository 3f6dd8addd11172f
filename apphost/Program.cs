using Lodestar.AppHost;
using Lodestar.AppHost.Infrastructure;
using Lodestar.AppHost.Services;
using Lodestar.ServiceDefaults;

var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder.Configuration);

// RabbitMQ, Redis and PostgreSQL (one database per service): containers or the servers' own binaries.
var infrastructure = builder.AddLodestarInfrastructure(settings);

var strategy = builder.AddLodestarService<Projects.Lodestar_Strategy_Api>(LodestarResources.Strategy, settings, infrastructure);
var backlog = builder.AddLodestarService<Projects.Lodestar_Backlog_Api>(LodestarResources.Backlog, settings, infrastructure);
var discovery = builder.AddLodestarService<Projects.Lodestar_Discovery_Api>(LodestarResources.Discovery, settings, infrastructure);
var metrics = builder.AddLodestarService<Projects.Lodestar_Metrics_Api>(LodestarResources.Metrics, settings, infrastructure);

// The gateway routes to every service, so it starts once each reports healthy.
builder.AddLodestarService<Projects.Lodestar_Gateway>(LodestarResources.Gateway, settings, infrastructure)
    .WithReference(strategy).WaitFor(strategy)
    .WithReference(backlog).WaitFor(backlog)
    .WithReference(discovery).WaitFor(discovery)
    .WithReference(metrics).WaitFor(metrics)
    .WithDevelopmentAccess(settings);

builder.Build().Run();
