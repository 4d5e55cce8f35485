using System.Net;
using System.Net.Sockets;

namespace CaseFy.Model.Templates;

/// <summary>
/// Which network addresses a webhook may connect to: public unicast only. Checked for every address a name resolves to
/// at the moment of connecting (so DNS rebinding gains nothing), and for address literals when a template is saved.
/// </summary>
/// <remarks>
/// Refused: loopback, 0.0.0.0/8, private (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local (169.254/16,
/// where cloud metadata endpoints answer; fe80::/10), unique local (fc00::/7), multicast and reserved (224/4, 240/4,
/// ff00::/8), the unspecified <c>::</c>; IPv4-mapped (<c>::ffff:a.b.c.d</c>) and NAT64 (<c>64:ff9b::/96</c>) forms are
/// judged by the IPv4 address they carry. Loopback is allowed only when the caller says so (local development).
/// </remarks>
public static class WebhookAddresses
{
    private static readonly IPNetwork[] RefusedV4 =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
    ];

    private static readonly IPNetwork[] RefusedV6 =
    [
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    /// <summary>Whether a webhook may connect to <paramref name="address"/>.</summary>
    /// <param name="address">One address the target's name resolved to (or the literal in its URL).</param>
    /// <param name="loopbackAllowed">Local development only: a URL that names this machine may reach it.</param>
    public static bool MayConnect(IPAddress address, bool loopbackAllowed)
    {
        ArgumentNullException.ThrowIfNull(address);
        var v4 = CarriedIPv4(address);
        if (IPAddress.IsLoopback(v4 ?? address))
        {
            return loopbackAllowed;
        }

        return v4 is not null
            ? !RefusedV4.Any(network => network.Contains(v4))
            : address.AddressFamily == AddressFamily.InterNetworkV6 && !RefusedV6.Any(network => network.Contains(address));
    }

    // The IPv4 address an address stands for: itself, or the one an IPv4-mapped or NAT64 IPv6 address carries.
    private static IPAddress? CarriedIPv4(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        return Nat64.Contains(address) ? new IPAddress(address.GetAddressBytes()[12..]) : null;
    }
}
