using CaseFy.Application.Mail;
using CaseFy.Application.Portal;
using CaseFy.Model;
using CaseFy.Model.Mail;
using CaseFy.Model.Portal;
using MimeKit;

namespace CaseFy.IntegrationTests;

/// <summary>The mail's text and the derived portal token: pure functions, no storage.</summary>
public sealed class MailComposerTests
{
    private const string ErinId = "0123456789abcdef0123456789abcdef";
    private const string FrankId = "fedcba9876543210fedcba9876543210";

    [Fact]
    public void Compose_EveryKind_CarriesTheLinkAndNoMessageText()
    {
        var linked = Case();
        const string Url = "https://portal.example.org/portal.html#TOKEN";
        foreach (var kind in new[] { MailKinds.Message, MailKinds.Asked, MailKinds.Welcome })
        {
            var message = MailComposer.ToOutsideParty(
                new MailDelivery("d", "c1", 1, kind, ErinId), linked, linked.PortalLinks[0], Url, new MailboxAddress("CaseFy", "casefy@example.org"));

            Assert.Contains(Url, message.TextBody, StringComparison.Ordinal);
            Assert.Contains("Claim 7", message.Subject, StringComparison.Ordinal);
            Assert.Equal("erin@example.org", message.To.Mailboxes.Single().Address);
        }
    }

    [Fact]
    public void PortalToken_Derived_IsTheSameForTheSameLinkAndKeyOnly()
    {
        byte[] key = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
        byte[] otherKey = [.. key.Select(b => (byte)(b ^ 0xff))];
        var caseId = new string('a', 32);

        var token = PortalTokens.Derive(caseId, ErinId, key);

        Assert.Equal(token, PortalTokens.Derive(caseId, ErinId, key));
        Assert.NotEqual(token, PortalTokens.Derive(caseId, FrankId, key));
        Assert.NotEqual(token, PortalTokens.Derive(caseId, ErinId, otherKey));
        Assert.Equal(PortalTokens.Length, token.Length);
        Assert.True(PortalTokens.TryReadCaseId(token, out var read));
        Assert.Equal(caseId, read);
    }

    private static Model.Cases.CaseRecord Case()
    {
        var template = IsolatedTables.Template;
        var now = DateTimeOffset.UtcNow;
        var opened = Model.Cases.CaseLifecycle.Open(new string('a', 32), "Claim 7", template, new Actor("ana", "Ana"), now).Case;
        var link = new PortalLink(ErinId, "Erin", "erin@example.org", [PortalAction.View], "hash", now, Actor.System, now.AddDays(30), null, null);
        return opened with { PortalLinks = [link] };
    }
}
