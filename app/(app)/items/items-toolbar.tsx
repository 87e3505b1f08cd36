"use client";
import { useId } from "react";
import { isSort, SORTS, type Sort } from "./item-sorts";
import styles from "./items.module.css";

type ItemsToolbarProps = {
  search: string;
  onSearch: (value: string) => void;
  sort: Sort;
  onSort: (value: Sort) => void;
};

export function ItemsToolbar({ search, onSearch, sort, onSort }: ItemsToolbarProps) {
  const id = useId();
  return (
    <div className={styles.toolbar} role="search">
      <div className={`field ${styles.search}`}>
        <label className="label" htmlFor={`${id}-search`}>
          Search by name
        </label>
        <input
          id={`${id}-search`}
          className="input"
          type="search"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className={`field ${styles.sort}`}>
        <label className="label" htmlFor={`${id}-sort`}>
          Sort
        </label>
        <select
          id={`${id}-sort`}
          className="input"
          value={sort}
          onChange={(event) => {
            if (isSort(event.target.value)) onSort(event.target.value);
          }}
        >
          {SORTS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
