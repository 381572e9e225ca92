export { staffRoles } from "@openclm/contracts/constants";
