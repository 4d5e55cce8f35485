using System.Security.Cryptography;

namespace CaseFy.LocalHost.Identity;

/// <summary>
/// The development issuer's signing key on disk (PKCS#8 PEM, readable by its owner only): created on first use,
/// read on every later start, so tokens and portal sign-ins stay valid across restarts of the local host.
/// </summary>
public static class DevIssuerKeyFile
{
    public const string FileName = "dev-issuer-key.pem";

    public static RSA LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (File.Exists(path))
        {
            rsa.ImportFromPem(File.ReadAllText(path));
            return rsa;
        }

        rsa.KeySize = 2048;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // Written beside and moved into place, so a host stopped mid-write never leaves half a key behind.
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temporary, options))
        {
            writer.Write(rsa.ExportPkcs8PrivateKeyPem());
        }

        File.Move(temporary, path, overwrite: true);
        return rsa;
    }

    /// <summary>A key id derived from the public key: the same key keeps the same <c>kid</c> across restarts.</summary>
    public static string KeyIdOf(RSA rsa)
    {
        ArgumentNullException.ThrowIfNull(rsa);
        return Convert.ToHexStringLower(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()).AsSpan(0, 16));
    }
}
