import { useCallback, useEffect, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";
import { type StaffUser, staffUsersApi } from "../../api/staff-client.js";

export function useStaffUsers() {
  const [users, setUsers] = useState<StaffUser[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(async () => {
    try {
      setUsers((await staffUsersApi.list()).items);
      setError(null);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, "NETWORK", String(err)));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { users, error, reload };
}
