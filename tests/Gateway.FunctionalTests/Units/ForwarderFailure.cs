using Yarp.ReverseProxy.Forwarder;

namespace Gateway.FunctionalTests.Units;

/// <summary>A forwarding failure as YARP records it on the request.</summary>
internal sealed record ForwarderFailure(ForwarderError Error, Exception? Exception) : IForwarderErrorFeature;
