import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { InputModality } from "./_components/input-modality";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "JWT Items", template: "%s · JWT Items" },
  description: "Sign in, keep a list of items with prices, and manage your sessions.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Rendered per request, never prerendered: each page's inline scripts must carry the
// nonce of its own Content-Security-Policy (set in middleware.ts).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body>
        <InputModality />
        {children}
      </body>
    </html>
  );
}
