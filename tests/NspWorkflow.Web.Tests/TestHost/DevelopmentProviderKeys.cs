using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace NspWorkflow.Web.Tests.TestHost;

/// <summary>
/// One signing and one encryption key for the development provider of every app a test run starts, in place of the
/// pair each app would make: made in memory once per run, never written anywhere.
/// </summary>
internal sealed record DevelopmentProviderKeys(SigningCredentials Signing, EncryptingCredentials Encryption)
{
    public static DevelopmentProviderKeys Create()
    {
        var signing = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tests-signing" };
        var encryption = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "tests-encryption" };
        return new DevelopmentProviderKeys(
            new SigningCredentials(signing, SecurityAlgorithms.RsaSha256),
            new EncryptingCredentials(encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }
}
