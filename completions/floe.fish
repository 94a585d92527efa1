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
complete -c floe -n "__fish_floe_needs_command" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_needs_command" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_needs_command" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c floe -n "__fish_floe_needs_command" -s V -l version -d 'Print version'
complete -c floe -n "__fish_floe_needs_command" -f -a "create" -d 'Create or update Flux sources and syncs'
complete -c floe -n "__fish_floe_needs_command" -f -a "completion" -d 'Print shell completion scripts'
complete -c floe -n "__fish_floe_needs_command" -f -a "version" -d 'Print the floe version and the Flux version it installs'
complete -c floe -n "__fish_floe_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand create; and not __fish_seen_subcommand_from source sync kustomization ks help" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
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
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from source" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
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
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from sync" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
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
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from kustomization" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
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
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from ks" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "source" -d 'Create or update a source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "sync" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
complete -c floe -n "__fish_floe_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand completion" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand completion" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand completion" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand completion" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand version" -l client -d 'Print only the client versions (the cluster is not asked yet in this release)' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s o -l output -d 'Output format' -r -f -a "text\t''
json\t''"
complete -c floe -n "__fish_floe_using_subcommand version" -l kubeconfig -d 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)' -r -F
complete -c floe -n "__fish_floe_using_subcommand version" -l context -d 'The kubeconfig context to use (default: the current context)' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s n -l namespace -d 'The namespace Flux runs in and new objects go to' -r
complete -c floe -n "__fish_floe_using_subcommand version" -l timeout -d 'How long to wait for a cluster operation, e.g. 90s, 5m, 1h' -r
complete -c floe -n "__fish_floe_using_subcommand version" -l no-color -d 'Do not colour output (also when NO_COLOR is set)' -r
complete -c floe -n "__fish_floe_using_subcommand version" -s v -l verbose -d 'Print more detail on stderr (repeat for more)'
complete -c floe -n "__fish_floe_using_subcommand version" -s h -l help -d 'Print help'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from create completion version help" -f -a "create" -d 'Create or update Flux sources and syncs'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from create completion version help" -f -a "completion" -d 'Print shell completion scripts'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from create completion version help" -f -a "version" -d 'Print the floe version and the Flux version it installs'
complete -c floe -n "__fish_floe_using_subcommand help; and not __fish_seen_subcommand_from create completion version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "source" -d 'Create or update a source: git, helm, oci or bucket'
complete -c floe -n "__fish_floe_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "sync" -d 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
