// kbx's own version (the API server reports v1.35.0-kbx.<this>).
export const VERSION = '0.1.0';
