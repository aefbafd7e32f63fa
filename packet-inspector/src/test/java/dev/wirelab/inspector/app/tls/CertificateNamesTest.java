package dev.wirelab.inspector.app.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wirelab.inspector.decode.MalformedFrameException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A certificate's names and validity, from DER built byte by byte; broken DER only malformed. */
class CertificateNamesTest {
  @Test
  void namesAndValidityOfABuiltCertificate() {
    byte[] certificate = certificate("R3", "example.org", "260101000000Z", "20500101120000Z");
    CertificateNames names = CertificateNames.parse(certificate, 0, certificate.length);
    assertThat(names)
        .isEqualTo(
            new CertificateNames(
                "example.org", "R3", "2026-01-01 00:00:00", "2050-01-01 12:00:00"));
  }

  @Test
  void mutatedAndRandomDerIsOnlyEverMalformed() {
    Random random = new Random(20261202L);
    byte[] good = certificate("Issuer CA", "www.example.com", "260101000000Z", "270101000000Z");
    for (int i = 0; i < 20000; i++) {
      byte[] bytes = good.clone();
      for (int flips = random.nextInt(4); flips >= 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      int length = random.nextInt(5) == 0 ? random.nextInt(bytes.length) : bytes.length;
      try {
        CertificateNames.parse(bytes, 0, length);
      } catch (MalformedFrameException expected) {
        assertThat(expected.getMessage()).startsWith("certificate: ");
      }
    }
  }

  /**
   * Certificate { TBSCertificate { [0] version, serial, algorithm, issuer, validity, subject } }.
   */
  static byte[] certificate(String issuer, String subject, String notBefore, String notAfter) {
    byte[] tbs =
        der(
            0x30,
            der(0xa0, der(0x02, new byte[] {2})),
            der(0x02, new byte[] {1}),
            der(0x30, der(0x06, new byte[] {0x2a, (byte) 0x86, 0x48})),
            name(issuer),
            der(0x30, der(0x17, ascii(notBefore)), der(0x18, ascii(notAfter))),
            name(subject));
    return der(0x30, tbs, der(0x30), der(0x03, new byte[] {0}));
  }

  /** O=Wirelab, then CN: the common name is found among other attributes. */
  private static byte[] name(String commonName) {
    byte[] organization =
        der(0x30, der(0x06, new byte[] {0x55, 0x04, 0x0a}), der(0x13, ascii("Wirelab")));
    byte[] cn = der(0x30, der(0x06, new byte[] {0x55, 0x04, 0x03}), der(0x0c, ascii(commonName)));
    return der(0x30, der(0x31, organization), der(0x31, cn));
  }

  private static byte[] der(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      content.writeBytes(part);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.size();
    if (length < 0x80) {
      out.write(length);
    } else {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
