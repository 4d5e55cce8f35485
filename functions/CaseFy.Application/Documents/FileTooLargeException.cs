namespace CaseFy.Application.Documents;

/// <summary>An uploaded file turned out larger than its document allows while it was being read.</summary>
public sealed class FileTooLargeException(long maxBytes) : IOException($"The file is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
