using System.Security.Cryptography;
using CaseFy.Application.Documents;

namespace CaseFy.LocalHost.Storage;

/// <summary>
/// The app's own key (<c>Documents:MetadataSigningKey</c>) for a host keeping its data in a folder: made on the first
/// start and kept there (readable by its owner only), so what is derived from it (portal link tokens the mailer makes
/// again, sealed continuation tokens, signed upload metadata) stays valid across restarts. A configured key wins.
/// </summary>
internal static class LocalAppKey
{
    public const string FileName = "app-key";

    private static readonly string Key = $"{DocumentOptions.SectionName}:{nameof(DocumentOptions.MetadataSigningKey)}";

    public static void Configure(ConfigurationManager configuration, string dataDirectory)
    {
        if (!string.IsNullOrEmpty(configuration[Key]))
        {
            return;
        }

        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);

            // Written beside and moved into place, so a host stopped mid-write never leaves half a key behind.
            var temporary = path + ".tmp";
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var writer = new StreamWriter(temporary, options))
            {
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }

            File.Move(temporary, path, overwrite: true);
        }

        configuration[Key] = File.ReadAllText(path).Trim();
    }
}
