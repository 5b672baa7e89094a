import { z } from "zod";

// Zod's own messages (a wrong type, a missing field) in the UI's language, so that even input no form
// would send is answered in Chinese. Schemas still give their own messages for everything a form can
// get wrong; these are the fallback.
z.config(z.locales.zhCN());
z.config({ customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "缺少必填项。" : undefined) });
