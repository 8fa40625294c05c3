package org.guildhall.platform.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * Draws a QR code as a self-contained SVG (one path, no inline styles), so pages can show one under
 * the strict Content-Security-Policy.
 */
public final class QrCodes {

  private QrCodes() {}

  public static String svg(String text, String label) {
    try {
      BitMatrix matrix =
          new QRCodeWriter()
              .encode(
                  text,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      StringBuilder path = new StringBuilder();
      for (int y = 0; y < matrix.getHeight(); y++) {
        for (int x = 0; x < matrix.getWidth(); x++) {
          if (matrix.get(x, y)) {
            path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
          }
        }
      }
      int w = matrix.getWidth();
      int h = matrix.getHeight();
      return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 "
          + w
          + " "
          + h
          + "\" role=\"img\" aria-label=\""
          + label.replace("\"", "&quot;").replace("<", "&lt;")
          + "\" shape-rendering=\"crispEdges\"><rect width=\""
          + w
          + "\" height=\""
          + h
          + "\" fill=\"#fff\"/><path fill=\"#000\" d=\""
          + path
          + "\"/></svg>";
    } catch (WriterException e) {
      throw new IllegalArgumentException("Cannot draw a QR code for this text", e);
    }
  }
}
