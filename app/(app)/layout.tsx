// The signed-in pages, under one header. Every page here depends on who is asking.
import { getPageUser } from "@/lib/auth/accounts/page-user";
import { SiteHeader } from "./site-header";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getPageUser();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
    </>
  );
}
