using System.Net;
using CaseFy.Model.Templates;

namespace CaseFy.UnitTests;

/// <summary>Which addresses a webhook may connect to (checked at connect time) and which literals a template may name.</summary>
public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.254")]
    [InlineData("169.254.169.254")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("febf::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:192.168.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void MayConnect_InternalAddress_IsRefused(string address)
    {
        Assert.False(WebhookAddresses.MayConnect(IPAddress.Parse(address), loopbackAllowed: false));
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("11.0.0.1")]
    [InlineData("2606:4700::6810:84e5")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void MayConnect_PublicAddress_IsAllowed(string address)
    {
        Assert.True(WebhookAddresses.MayConnect(IPAddress.Parse(address), loopbackAllowed: false));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("169.254.169.254", false)]
    [InlineData("10.0.0.1", false)]
    public void MayConnect_LoopbackAllowed_OpensLoopbackOnly(string address, bool allowed)
    {
        Assert.Equal(allowed, WebhookAddresses.MayConnect(IPAddress.Parse(address), loopbackAllowed: true));
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.1.2.3/hook")]
    [InlineData("https://[fd00::1]/hook")]
    [InlineData("https://[::ffff:192.168.0.1]/hook")]
    [InlineData("https://0.0.0.0/hook")]
    public void WebhookUrls_InternalAddressLiteral_IsRefused(string url)
    {
        Assert.False(WebhookUrls.IsAllowed(url));
    }
}
