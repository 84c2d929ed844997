using System.Security.Cryptography;
using System.Text;
using Berth.ControlPlane.Security;

namespace Berth.ControlPlane.Tests.Security;

public sealed class SecretCipherTests : IDisposable
{
    private readonly TempDirectory directory = new();

    [Theory]
    [InlineData("")]
    [InlineData("postgres://user:pa55@db:5432/app")]
    [InlineData("ünïcødé ✓ with\nnewlines\tand tabs")]
    public void Decrypt_WhatEncryptMade_ReturnsThePlaintext(string plaintext)
    {
        var cipher = NewCipher();

        Assert.Equal(plaintext, cipher.Decrypt(cipher.Encrypt(plaintext)));
    }

    [Fact]
    public void Encrypt_SameValueTwice_GivesDifferentBytes()
    {
        var cipher = NewCipher();

        var first = cipher.Encrypt("same value");
        var second = cipher.Encrypt("same value");

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.AsSpan(0, 12).ToArray(), second.AsSpan(0, 12).ToArray());
    }

    [Fact]
    public void Encrypt_Value_DoesNotContainThePlaintext()
    {
        var sealedBytes = NewCipher().Encrypt("distinctive-plaintext-value");

        var text = Encoding.UTF8.GetString(sealedBytes);

        Assert.DoesNotContain("distinctive-plaintext-value", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(12)]
    [InlineData(28)]
    [InlineData(-1)]
    public void Decrypt_TamperedByte_Throws(int position)
    {
        var cipher = NewCipher();
        var sealedBytes = cipher.Encrypt("value worth protecting");
        var index = position < 0 ? sealedBytes.Length - 1 : position;
        sealedBytes[index] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => cipher.Decrypt(sealedBytes));
    }

    [Fact]
    public void Decrypt_OtherKey_Throws()
    {
        var sealedBytes = NewCipher().Encrypt("value worth protecting");

        Assert.ThrowsAny<CryptographicException>(() => NewCipher().Decrypt(sealedBytes));
    }

    [Fact]
    public void Constructor_KeyNot32Bytes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SecretCipher(new byte[16]));
    }

    [Fact]
    public void LoadOrCreate_NoFile_CreatesOwnerOnlyKeyFile()
    {
        var path = directory.File("config.key");

        SecretCipher.LoadOrCreate(path);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal(32, Convert.FromBase64String(File.ReadAllText(path).Trim()).Length);
    }

    [Fact]
    public void LoadOrCreate_SecondTime_ReusesTheKey()
    {
        var path = directory.File("config.key");
        var first = SecretCipher.LoadOrCreate(path);
        var key = File.ReadAllText(path);
        var sealedBytes = first.Encrypt("survives a restart");

        var second = SecretCipher.LoadOrCreate(path);

        Assert.Equal(key, File.ReadAllText(path));
        Assert.Equal("survives a restart", second.Decrypt(sealedBytes));
    }

    public void Dispose() => directory.Dispose();

    private static SecretCipher NewCipher() => new(RandomNumberGenerator.GetBytes(32));
}
