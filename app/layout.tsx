import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { InputModality } from "./_components/input-modality";
import "./globals.css";
import { THEME_COLORS } from "./theme";

export const metadata: Metadata = {
  title: { default: "JWT Items", template: "%s · JWT Items" },
  description: "Sign in, keep a list of items with prices, and manage your sessions.",
};

// The icons are files beside this one (favicon.ico, icon.svg, apple-icon.png) and the
// manifest is manifest.ts: Next links them from every page.
export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: THEME_COLORS.light },
    { media: "(prefers-color-scheme: dark)", color: THEME_COLORS.dark },
  ],
};

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
