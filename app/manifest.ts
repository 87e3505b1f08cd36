// The web app manifest (/manifest.webmanifest): the name, colours and icons a browser
// uses when the app is added to a home screen. The icons are drawn from app/icon.svg by
// scripts/make-icons.mjs.
import type { MetadataRoute } from "next";
import { THEME_COLORS } from "@/app/theme";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "JWT Items",
    short_name: "Items",
    description: "Sign in, keep a list of items with prices, and manage your sessions.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
    ],
  };
}
