complete --keep-order --exclusive --command floe --arguments "(COMPLETE=fish floe -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
