import Link from "next/link";
import { buttonClass } from "@/app/_components/button";

/** The way on once an address is confirmed. */
export function GoToItems() {
  return (
    <p>
      <Link href="/items" className={buttonClass({ variant: "primary", full: true })}>
        Go to your items
      </Link>
    </p>
  );
}
