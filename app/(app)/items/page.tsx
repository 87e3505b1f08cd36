import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/page-user";
import { ItemsManager } from "./items-manager";
import styles from "./items.module.css";

export const metadata: Metadata = { title: "Items" };

export default async function ItemList() {
  await requirePageUser("/items");
  return (
    <div className={styles.page}>
      <h1>Items</h1>
      <ItemsManager />
    </div>
  );
}
