namespace EndToEnd.Tests.Reliability;

/// <summary>What <see cref="ChaosProxy"/> does to the traffic it carries.</summary>
public enum ProxyFault
{
    /// <summary>Forwards every byte as it comes.</summary>
    None,

    /// <summary>Holds every chunk for <see cref="ChaosProxy.Delay"/> before forwarding it: a slow link or a slow peer.</summary>
    Delay,

    /// <summary>Forwards nothing until the fault ends, as a partition does (TCP delivers what waited once it heals).</summary>
    Stall,
}
