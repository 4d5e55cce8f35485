using CaseFy.Telemetry;

namespace CaseFy.UnitTests;

public sealed class TelemetryRedactionTests
{
    [Theory]
    [InlineData("/api/portal/zZ7KLXG7SO-Ofx_Rm3", "/api/portal/{token}")]
    [InlineData("GET /api/portal/abc123/documents/cert/upload-url", "GET /api/portal/{token}/documents/cert/upload-url")]
    [InlineData("http://h/api/portal/abc?x=1", "http://h/api/portal/{token}?x=1")]
    [InlineData("api/portal/{token}", "api/portal/{token}")]
    [InlineData("https://a.blob.core.windows.net/d/c/k/1?sv=2025-01-05&se=2026&sr=b&sp=c&sig=abc%2Bdef%3D", "https://a.blob.core.windows.net/d/c/k/1?sv=2025-01-05&se=2026&sr=b&sp=c&sig=REDACTED")]
    [InlineData("sig=abc&sv=1", "sig=REDACTED&sv=1")]
    [InlineData("/api/events/eventgrid?secret=s3cret&x=1", "/api/events/eventgrid?secret=REDACTED&x=1")]
    [InlineData("/callback?code=xyz&state=1&Token=t", "/callback?code=REDACTED&state=1&Token=REDACTED")]
    [InlineData("Authorization: Bearer eyJhbGciOi.eyJzdWIiOi.c2ln", "Authorization: Bearer REDACTED")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl in text", "token REDACTED in text")]
    public void Redact_TextWithASecret_ReplacesOnlyTheSecret(string text, string expected) =>
        Assert.Equal(expected, TelemetryRedaction.Redact(text));

    [Theory]
    [InlineData("/api/cases/abc/portal-links/xyz")]
    [InlineData("/api/cases/abc/documents/contract/versions/1/content?stream=true")]
    [InlineData("storage case.update")]
    public void Redact_TextWithoutASecret_IsTheSameInstance(string text) =>
        Assert.Same(text, TelemetryRedaction.Redact(text));

    [Theory]
    [InlineData("Authorization=AAD;ClientId=11111111-2222-3333-4444-555555555555", true, "11111111-2222-3333-4444-555555555555")]
    [InlineData("ClientId=abc; Authorization=aad", true, "abc")]
    [InlineData("Authorization=AAD", true, null)]
    [InlineData("", false, null)]
    [InlineData(null, false, null)]
    public void AzureMonitorAuthentication_Setting_IsParsed(string? setting, bool entra, string? clientId) =>
        Assert.Equal(new AzureMonitorAuthentication(entra, clientId), AzureMonitorAuthentication.Parse(setting));
}
