using System.Security.Cryptography;
using System.Text;

namespace Berth.ControlPlane.Security;

/// <summary>
/// Encrypts config values at rest with AES-GCM under a key kept in the data directory
/// (mode 0600), so a copy of the store alone does not reveal an app's secrets.
/// </summary>
public sealed class SecretCipher
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] key;

    /// <summary>Uses an existing 32-byte key.</summary>
    public SecretCipher(byte[] key)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, 32);
        this.key = key;
    }

    /// <summary>Loads the key file, creating it with a fresh random key on first start.</summary>
    public static SecretCipher LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            SecretFile.Write(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        return new SecretCipher(Convert.FromBase64String(File.ReadAllText(path).Trim()));
    }

    /// <summary>Encrypts <paramref name="plaintext"/>: nonce, tag and ciphertext in one array.</summary>
    public byte[] Encrypt(string plaintext)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + data.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);

        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        return sealedBytes;
    }

    /// <summary>Decrypts what <see cref="Encrypt"/> produced.</summary>
    public string Decrypt(byte[] sealedBytes)
    {
        var data = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceSize),
            sealedBytes.AsSpan(NonceSize + TagSize),
            sealedBytes.AsSpan(NonceSize, TagSize),
            data);
        return Encoding.UTF8.GetString(data);
    }
}
