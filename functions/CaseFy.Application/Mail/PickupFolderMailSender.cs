using MimeKit;

namespace CaseFy.Application.Mail;

/// <summary>
/// The local host's mail: each message is written as <c>{deliveryId}.eml</c> into a folder, so people and tests read
/// what would be sent. The file is written under a temporary name and then renamed, so a reader never sees half a
/// message, and a repeated delivery replaces the same file instead of adding a second one.
/// </summary>
public sealed class PickupFolderMailSender(string folder) : IMailSender
{
    /// <summary>The folder the <c>.eml</c> files go to.</summary>
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <inheritdoc/>
    public async Task SendAsync(MimeMessage message, string deliveryId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var name = FileNameOf(deliveryId);
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, name + ".eml");
        var partial = Path.Combine(Folder, name + ".eml.partial");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, target, overwrite: true);
    }

    // The id becomes a file name: only letters, digits, '-' and '_' pass, so no id can leave the folder.
    private static string FileNameOf(string deliveryId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        if (deliveryId.Length > 200 || !deliveryId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("A delivery id is 1-200 letters, digits, '-' or '_'.", nameof(deliveryId));
        }

        return deliveryId;
    }
}
