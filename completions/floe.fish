# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_floe_global_optspecs
    string join \n kubeconfig= context= n/namespace= timeout= v/verbose no-color= h/help V/version
end

function __fish_floe_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_floe_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_floe_using_subcommand
    set -l cmd (__fish_floe_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c floe -n "__fish_floe_needs_command" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_needs_command" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_needs_command" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_needs_command" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_needs_command" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_needs_command" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c floe -n "__fish_floe_needs_command" -s V -l version -d 'Print version'
complete -c floe -n "__fish_floe_needs_command" -f -a "bootstrap" -d 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs'
complete -c floe -n "__fish_floe_needs_command" -f -a "install" -d 'Install the Flux controllers on the cluster'
complete -c floe -n "__fish_floe_needs_command" -f -a "check" -d 'Check the cluster before installing (--pre) or the installed controllers'
complete -c floe -n "__fish_floe_needs_command" -f -a "get" -d 'Show the state of sources and syncs'
complete -c floe -n "__fish_floe_needs_command" -f -a "create" -d 'Create or update Flux sources and syncs'
complete -c floe -n "__fish_floe_needs_command" -f -a "reconcile" -d 'Ask Flux to reconcile a source or sync now and wait for the result'
complete -c floe -n "__fish_floe_needs_command" -f -a "suspend" -d 'Stop reconciling a source or sync'
complete -c floe -n "__fish_floe_needs_command" -f -a "resume" -d 'Start reconciling a suspended source or sync again'
complete -c floe -n "__fish_floe_needs_command" -f -a "export" -d 'Print live sources and syncs as YAML to commit to Git'
complete -c floe -n "__fish_floe_needs_command" -f -a "delete" -d 'Delete a source or sync'
complete -c floe -n "__fish_floe_needs_command" -f -a "uninstall" -d 'Remove the Flux controllers, CRDs and namespace from the cluster'
complete -c floe -n "__fish_floe_needs_command" -f -a "completion" -d 'Print shell completion scripts'
complete -c floe -n "__fish_floe_needs_command" -f -a "version" -d 'Print floe\'s version and the Flux version on the cluster'
complete -c floe -n "__fish_floe_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -f -a "github" -d 'Bootstrap from a GitHub repository, created if it does not exist'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -f -a "git" -d 'Bootstrap from any Git server (no provider API)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and not __fish_seen_subcommand_from github git help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l owner -d 'The user or organisation that owns the repository' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l repository -d 'The repository name' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l personal -d 'The owner is a user, not an organisation' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l private -d 'Create the repository private' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l team -d 'Grant a team access: name[:pull|triage|push|maintain|admin] (default maintain; repeatable)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l hostname -d 'GitHub host; another host is GitHub Enterprise Server, HOST[:PORT]' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l ca-file -d 'A CA certificate (PEM) to trust for the host\'s API and Git, for Enterprise servers with a private CA' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l token-auth -d 'The cluster pulls over HTTPS with the token instead of SSH with a deploy key' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l read-write-key -d 'Give the deploy key write access (for image automation)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l reconcile -d 'Also bring an existing repository\'s visibility and default branch in line with the flags' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -s y -l yes -d 'Never prompt: without GITHUB_TOKEN fail instead of asking for it' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l branch -d 'Branch to commit to and sync from (created when missing)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l path -d 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l interval -d 'How often the cluster checks the repository for new commits' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l secret-name -d 'Secret in the install namespace with the cluster\'s Git credentials' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l ssh-key-algorithm -d 'Algorithm of a generated SSH key' -r -f -a "ecdsa\t''
ed25519\t''
rsa\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l ssh-ecdsa-curve -d 'Curve of a generated ECDSA key' -r -f -a "p256\t''
p384\t''
p521\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l ssh-rsa-bits -d 'Size of a generated RSA key in bits (2048 to 8192)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l author-name -d 'Commit author name (default: git config user.name, else floe)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l author-email -d 'Commit author email (default: git config user.email)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l commit-message-appendix -d 'Text added to the end of the commit message' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l dry-run -d 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l skip-version-check -d 'Install even when the cluster\'s Kubernetes is older than the Flux release supports' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -s o -l output -d 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)' -r -f -a "text\t''
json\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l version -d 'Flux release to install, e.g. v2.9.4' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l manifests -d 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l release-url -d 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l components -d 'Controllers to install (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l components-extra -d 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l registry -d 'Registry to pull the controller images from' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l image-pull-secret -d 'Secret in the install namespace with credentials for --registry' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l network-policy -d 'Install the network policies that restrict traffic to the controllers' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l watch-all-namespaces -d 'Let the controllers watch objects in every namespace, not only the install namespace' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l log-level -d 'The controllers\' log level' -r -f -a "debug\t''
info\t''
error\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l toleration-keys -d 'Taint keys the controllers tolerate (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l cluster-domain -d 'The cluster\'s DNS domain' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from github" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l url -d 'Repository URL: ssh://, https://, http:// (with --allow-insecure-http) or file://' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l sync-url -d 'The URL the cluster pulls from, when it differs from --url (needed for file://)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l allow-insecure-http -d 'Allow a plain http:// URL' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s u -l username -d 'Username for HTTP(S)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s p -l password -d 'Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l private-key-file -d 'SSH private key to push with; the cluster uses it too (default: a new key and ssh-agent for the push)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l ca-file -d 'A CA certificate (PEM) to trust for an HTTPS server with a private CA' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l token-auth -d 'The cluster pulls with --username and --password (an HTTP(S) URL) instead of an SSH key' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l ssh-hostname -d 'SSH host (HOST[:PORT]) the cluster pulls from when --url is http(s) without --token-auth (default: --url\'s host)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s s -l silent -d 'Do not ask whether the deploy key was added' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l branch -d 'Branch to commit to and sync from (created when missing)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l path -d 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l interval -d 'How often the cluster checks the repository for new commits' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l secret-name -d 'Secret in the install namespace with the cluster\'s Git credentials' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l ssh-key-algorithm -d 'Algorithm of a generated SSH key' -r -f -a "ecdsa\t''
ed25519\t''
rsa\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l ssh-ecdsa-curve -d 'Curve of a generated ECDSA key' -r -f -a "p256\t''
p384\t''
p521\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l ssh-rsa-bits -d 'Size of a generated RSA key in bits (2048 to 8192)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l author-name -d 'Commit author name (default: git config user.name, else floe)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l author-email -d 'Commit author email (default: git config user.email)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l commit-message-appendix -d 'Text added to the end of the commit message' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l dry-run -d 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l skip-version-check -d 'Install even when the cluster\'s Kubernetes is older than the Flux release supports' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s o -l output -d 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)' -r -f -a "text\t''
json\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l version -d 'Flux release to install, e.g. v2.9.4' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l manifests -d 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l release-url -d 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l components -d 'Controllers to install (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l components-extra -d 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l registry -d 'Registry to pull the controller images from' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l image-pull-secret -d 'Secret in the install namespace with credentials for --registry' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l network-policy -d 'Install the network policies that restrict traffic to the controllers' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l watch-all-namespaces -d 'Let the controllers watch objects in every namespace, not only the install namespace' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l log-level -d 'The controllers\' log level' -r -f -a "debug\t''
info\t''
error\t''"
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l toleration-keys -d 'Taint keys the controllers tolerate (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l cluster-domain -d 'The cluster\'s DNS domain' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from git" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from help" -f -a "github" -d 'Bootstrap from a GitHub repository, created if it does not exist'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from help" -f -a "git" -d 'Bootstrap from any Git server (no provider API)'
complete -c floe -n "__fish_floe_using_subcommand bootstrap; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand install" -l version -d 'Flux release to install, e.g. v2.9.4' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l manifests -d 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)' -r -F
complete -c floe -n "__fish_floe_using_subcommand install" -l release-url -d 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l components -d 'Controllers to install (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l components-extra -d 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l registry -d 'Registry to pull the controller images from' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l image-pull-secret -d 'Secret in the install namespace with credentials for --registry' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l network-policy -d 'Install the network policies that restrict traffic to the controllers' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l watch-all-namespaces -d 'Let the controllers watch objects in every namespace, not only the install namespace' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l log-level -d 'The controllers\' log level' -r -f -a "debug\t''
info\t''
error\t''"
complete -c floe -n "__fish_floe_using_subcommand install" -l toleration-keys -d 'Taint keys the controllers tolerate (separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l cluster-domain -d 'The cluster\'s DNS domain' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l export -d 'Print the manifests to stdout instead of applying them' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l wait -d 'Wait for the controllers to roll out (--wait=false returns right after applying)' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand install" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand install" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand install" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand install" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand install" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand check" -l pre -d 'Check the prerequisites for installing Flux instead of the installed components' -r
complete -c floe -n "__fish_floe_using_subcommand check" -l version -d 'Flux release whose Kubernetes minimum --pre checks against' -r
complete -c floe -n "__fish_floe_using_subcommand check" -l skip-version-check -d 'Report a server older than the Flux release needs as passing (at your own risk)' -r
complete -c floe -n "__fish_floe_using_subcommand check" -s o -l output -d 'Output format (json is documented in docs/output.md)' -r -f -a "text\t''
json\t''"
complete -c floe -n "__fish_floe_using_subcommand check" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand check" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand check" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand check" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand check" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand check" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand check" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "sources" -d 'Show sources: git, helm, oci, bucket or all'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "source" -d 'Show sources: git, helm, oci, bucket or all'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "syncs" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "sync" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "kustomizations" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "kustomization" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "ks" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "all" -d 'Show every source and sync'
complete -c floe -n "__fish_floe_using_subcommand get; and not __fish_seen_subcommand_from sources source syncs sync kustomizations kustomization ks all help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomizations" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s A -l all-namespaces -d 'List objects in every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s o -l output -d 'Output format (json and yaml are documented in docs/output.md)' -r -f -a "table\t''
json\t''
yaml\t''"
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -l status-selector -d 'Show only objects with a condition in this status, e.g. ready=false' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s w -l watch -d 'After listing, print each change as it happens (until interrupted)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from all" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "sources" -d 'Show sources: git, helm, oci, bucket or all'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "syncs" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "all" -d 'Show every source and sync'
complete -c floe -n "__fish_floe_using_subcommand get; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -f -a "source" -d 'Create or update a source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -f -a "sync" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -f -a "kustomization" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -f -a "ks" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -f -a "git" -d 'Create or update a GitRepository source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -f -a "helm" -d 'Create or update a HelmRepository source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -f -a "oci" -d 'Create or update an OCIRepository source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -f -a "bucket" -d 'Create or update a Bucket source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l source -d 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l path -d 'Directory in the source to apply, relative to its root' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l prune -d 'Delete objects that were removed from the source' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l wait -d 'Wait until every applied object is ready' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l retry-interval -d 'How soon to retry after a failed reconciliation, e.g. 30s' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l health-check-timeout -d 'How long health checks (--wait or --health-check) may take' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l target-namespace -d 'Put every applied namespaced object in this namespace' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l depends-on -d 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l health-check -d 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l service-account -d 'Service account to impersonate when applying' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l decryption-provider -d 'Decrypt secrets with this provider' -r -f -a "sops\t''"
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l decryption-secret -d 'Secret holding the decryption keys' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l interval -d 'How often Flux reconciles the object, e.g. 30s, 1m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l label -d 'Set a label on the object, as key=value (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l export -d 'Print the object as YAML to stdout instead of applying it' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l source -d 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l path -d 'Directory in the source to apply, relative to its root' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l prune -d 'Delete objects that were removed from the source' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l wait -d 'Wait until every applied object is ready' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l retry-interval -d 'How soon to retry after a failed reconciliation, e.g. 30s' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l health-check-timeout -d 'How long health checks (--wait or --health-check) may take' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l target-namespace -d 'Put every applied namespaced object in this namespace' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l depends-on -d 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l health-check -d 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l service-account -d 'Service account to impersonate when applying' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l decryption-provider -d 'Decrypt secrets with this provider' -r -f -a "sops\t''"
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l decryption-secret -d 'Secret holding the decryption keys' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l interval -d 'How often Flux reconciles the object, e.g. 30s, 1m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l label -d 'Set a label on the object, as key=value (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l export -d 'Print the object as YAML to stdout instead of applying it' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l source -d 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l path -d 'Directory in the source to apply, relative to its root' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l prune -d 'Delete objects that were removed from the source' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l wait -d 'Wait until every applied object is ready' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l retry-interval -d 'How soon to retry after a failed reconciliation, e.g. 30s' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l health-check-timeout -d 'How long health checks (--wait or --health-check) may take' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l target-namespace -d 'Put every applied namespaced object in this namespace' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l depends-on -d 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l health-check -d 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l service-account -d 'Service account to impersonate when applying' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l decryption-provider -d 'Decrypt secrets with this provider' -r -f -a "sops\t''"
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l decryption-secret -d 'Secret holding the decryption keys' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l interval -d 'How often Flux reconciles the object, e.g. 30s, 1m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l label -d 'Set a label on the object, as key=value (repeat or separate with commas)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l export -d 'Print the object as YAML to stdout instead of applying it' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "source" -d 'Create or update a source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "source" -d 'Fetch a source now: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sources" -d 'Fetch a source now: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sync" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "syncs" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "kustomization" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "ks" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -l with-source -d 'Fetch the sync\'s source first' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -l with-source -d 'Fetch the sync\'s source first' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -l with-source -d 'Fetch the sync\'s source first' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -l with-source -d 'Fetch the sync\'s source first' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from help" -f -a "source" -d 'Fetch a source now: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand reconcile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sources" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "syncs" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "kustomization" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "ks" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand suspend; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l wait -d 'Return after clearing suspend, without waiting for the reconciliation' -r -f -a "true\t''
false\t''"
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sources" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "syncs" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "kustomization" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "ks" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand resume; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand resume; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "source" -d 'Sources: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sources" -d 'Sources: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sync" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "syncs" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "kustomization" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "ks" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand export; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -l all -d 'Export every object of the kind in the namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -s A -l all-namespaces -d 'With --all, export from every namespace' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "source" -d 'Sources: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand export; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sources" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "syncs" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "kustomization" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "ks" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand delete; and not __fish_seen_subcommand_from source sources sync syncs kustomization ks help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from source" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sources" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from sync" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from syncs" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from kustomization" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -s y -l yes -d 'Delete without asking' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand uninstall" -l keep-namespace -d 'Leave the namespace (and the secrets in it) in place' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -s y -l yes -d 'Uninstall without asking' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand uninstall" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand uninstall" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand uninstall" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand completion" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand completion" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand version" -l client -d 'Print only the client versions; do not ask the cluster' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c floe -n "__fish_floe_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand version" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand version" -l timeout -d 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand version" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand version" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "bootstrap" -d 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "install" -d 'Install the Flux controllers on the cluster'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "check" -d 'Check the cluster before installing (--pre) or the installed controllers'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "get" -d 'Show the state of sources and syncs'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "create" -d 'Create or update Flux sources and syncs'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "reconcile" -d 'Ask Flux to reconcile a source or sync now and wait for the result'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "suspend" -d 'Stop reconciling a source or sync'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "resume" -d 'Start reconciling a suspended source or sync again'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "export" -d 'Print live sources and syncs as YAML to commit to Git'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "delete" -d 'Delete a source or sync'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "uninstall" -d 'Remove the Flux controllers, CRDs and namespace from the cluster'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "completion" -d 'Print shell completion scripts'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "version" -d 'Print floe\'s version and the Flux version on the cluster'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from bootstrap install check get create reconcile suspend resume export delete uninstall completion version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from bootstrap" -f -a "github" -d 'Bootstrap from a GitHub repository, created if it does not exist'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from bootstrap" -f -a "git" -d 'Bootstrap from any Git server (no provider API)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "sources" -d 'Show sources: git, helm, oci, bucket or all'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "syncs" -d 'Show syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from get" -f -a "all" -d 'Show every source and sync'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "source" -d 'Create or update a source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "sync" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from reconcile" -f -a "source" -d 'Fetch a source now: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from reconcile" -f -a "sync" -d 'Apply a sync (a Flux Kustomization) now'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from suspend" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from suspend" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from resume" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from resume" -f -a "sync" -d 'A sync (a Flux Kustomization)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "source" -d 'Sources: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from export" -f -a "sync" -d 'Syncs (Flux Kustomizations)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "source" -d 'A source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "sync" -d 'A sync (a Flux Kustomization)'
