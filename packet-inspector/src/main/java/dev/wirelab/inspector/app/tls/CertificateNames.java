package dev.wirelab.inspector.app.tls;

import java.nio.charset.StandardCharsets;

/**
 * What a student checks in a certificate (RFC 5280 4.1): whom it names (subject CN), who signed it
 * (issuer CN), and when it is valid. Read from the DER of the TBSCertificate.
 *
 * @param subject the subject's common name, or "" without one
 * @param issuer the issuer's common name, or "" without one
 * @param notBefore "2026-12-02 13:30:41" (UTC)
 * @param notAfter the end of validity, same form
 */
public record CertificateNames(String subject, String issuer, String notBefore, String notAfter) {
  /** 2.5.4.3, id-at-commonName, as DER content bytes. */
  private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};

  static CertificateNames parse(byte[] b, int off, int len) {
    Der certificate = new Der(b, off, len);
    Der tbs =
        certificate.inside(
            certificate
                .inside(certificate.next(Der.SEQUENCE, "Certificate"))
                .next(Der.SEQUENCE, "TBSCertificate"));
    if (tbs.next().tag() == 0xa0) {
      // [0] EXPLICIT version, present from v2 on; the serial number follows.
      tbs.next();
    }
    tbs.next(Der.SEQUENCE, "signature algorithm");
    String issuer = commonName(tbs, tbs.next(Der.SEQUENCE, "issuer"));
    Der validity = tbs.inside(tbs.next(Der.SEQUENCE, "validity"));
    String notBefore = time(validity, validity.next());
    String notAfter = time(validity, validity.next());
    String subject = commonName(tbs, tbs.next(Der.SEQUENCE, "subject"));
    return new CertificateNames(subject, issuer, notBefore, notAfter);
  }

  /** The last CN of a Name (SEQUENCE OF SET OF AttributeTypeAndValue): the most specific one. */
  private static String commonName(Der outer, Der.Item name) {
    String found = "";
    Der rdns = outer.inside(name);
    while (rdns.hasMore()) {
      Der set = rdns.inside(rdns.next(Der.SET, "relative distinguished name"));
      while (set.hasMore()) {
        Der attribute = set.inside(set.next(Der.SEQUENCE, "attribute"));
        Der.Item type = attribute.next(Der.OID, "attribute type");
        Der.Item value = attribute.next();
        if (isCommonName(attribute.bytes(), type)) {
          found = text(attribute.bytes(), value);
        }
      }
    }
    return found;
  }

  private static boolean isCommonName(byte[] b, Der.Item type) {
    if (type.length() != COMMON_NAME.length) {
      return false;
    }
    for (int i = 0; i < COMMON_NAME.length; i++) {
      if (b[type.start() + i] != COMMON_NAME[i]) {
        return false;
      }
    }
    return true;
  }

  /** UTF8String, PrintableString, IA5String...; BMPString (0x1e) is two bytes per character. */
  private static String text(byte[] b, Der.Item value) {
    return new String(
        b,
        value.start(),
        value.length(),
        value.tag() == 0x1e ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8);
  }

  /** UTCTime YYMMDDHHMMSSZ (years 1950-2049) or GeneralizedTime YYYYMMDDHHMMSSZ, as ISO text. */
  private static String time(Der validity, Der.Item item) {
    String text =
        new String(validity.bytes(), item.start(), item.length(), StandardCharsets.US_ASCII);
    String full;
    if (item.tag() == Der.UTC_TIME && text.length() >= 12) {
      int year = Integer.parseInt(text.substring(0, 2).replaceAll("[^0-9]", "0"));
      full = (year < 50 ? "20" : "19") + text;
    } else if (item.tag() == Der.GENERALIZED_TIME && text.length() >= 14) {
      full = text;
    } else {
      return text;
    }
    if (full.length() < 14) {
      return text;
    }
    return full.substring(0, 4)
        + "-"
        + full.substring(4, 6)
        + "-"
        + full.substring(6, 8)
        + " "
        + full.substring(8, 10)
        + ":"
        + full.substring(10, 12)
        + ":"
        + full.substring(12, 14);
  }
}
