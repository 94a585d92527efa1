
use builtin;
use str;

set edit:completion:arg-completer[floe] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'floe'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'floe'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand bootstrap 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs'
            cand install 'Install the Flux controllers on the cluster'
            cand check 'Check the cluster before installing (--pre) or the installed controllers'
            cand get 'Show the state of sources and syncs'
            cand create 'Create or update Flux sources and syncs'
            cand reconcile 'Ask Flux to reconcile a source or sync now and wait for the result'
            cand suspend 'Stop reconciling a source or sync'
            cand resume 'Start reconciling a suspended source or sync again'
            cand export 'Print live sources and syncs as YAML to commit to Git'
            cand delete 'Delete a source or sync'
            cand uninstall 'Remove the Flux controllers, CRDs and namespace from the cluster'
            cand completion 'Print shell completion scripts'
            cand version 'Print floe''s version and the Flux version on the cluster'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;bootstrap'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand github 'Bootstrap from a GitHub repository, created if it does not exist'
            cand git 'Bootstrap from any Git server (no provider API)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;bootstrap;github'= {
            cand --owner 'The user or organisation that owns the repository'
            cand --repository 'The repository name'
            cand --personal 'The owner is a user, not an organisation'
            cand --private 'Create the repository private'
            cand --team 'Grant a team access: name[:pull|triage|push|maintain|admin] (default maintain; repeatable)'
            cand --hostname 'GitHub host; another host is GitHub Enterprise Server, HOST[:PORT]'
            cand --ca-file 'A CA certificate (PEM) to trust for the host''s API and Git, for Enterprise servers with a private CA'
            cand --token-auth 'The cluster pulls over HTTPS with the token instead of SSH with a deploy key'
            cand --read-write-key 'Give the deploy key write access (for image automation)'
            cand --reconcile 'Also bring an existing repository''s visibility and default branch in line with the flags'
            cand -y 'Never prompt: without GITHUB_TOKEN fail instead of asking for it'
            cand --yes 'Never prompt: without GITHUB_TOKEN fail instead of asking for it'
            cand --branch 'Branch to commit to and sync from (created when missing)'
            cand --path 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system'
            cand --interval 'How often the cluster checks the repository for new commits'
            cand --secret-name 'Secret in the install namespace with the cluster''s Git credentials'
            cand --ssh-key-algorithm 'Algorithm of a generated SSH key'
            cand --ssh-ecdsa-curve 'Curve of a generated ECDSA key'
            cand --ssh-rsa-bits 'Size of a generated RSA key in bits (2048 to 8192)'
            cand --author-name 'Commit author name (default: git config user.name, else floe)'
            cand --author-email 'Commit author email (default: git config user.email)'
            cand --commit-message-appendix 'Text added to the end of the commit message'
            cand --dry-run 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing'
            cand --skip-version-check 'Install even when the cluster''s Kubernetes is older than the Flux release supports'
            cand -o 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)'
            cand --output 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)'
            cand --version 'Flux release to install, e.g. v2.9.4'
            cand --manifests 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)'
            cand --release-url 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml'
            cand --components 'Controllers to install (separate with commas)'
            cand --components-extra 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher'
            cand --registry 'Registry to pull the controller images from'
            cand --image-pull-secret 'Secret in the install namespace with credentials for --registry'
            cand --network-policy 'Install the network policies that restrict traffic to the controllers'
            cand --watch-all-namespaces 'Let the controllers watch objects in every namespace, not only the install namespace'
            cand --log-level 'The controllers'' log level'
            cand --toleration-keys 'Taint keys the controllers tolerate (separate with commas)'
            cand --cluster-domain 'The cluster''s DNS domain'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;bootstrap;git'= {
            cand --url 'Repository URL: ssh://, https://, http:// (with --allow-insecure-http) or file://'
            cand --sync-url 'The URL the cluster pulls from, when it differs from --url (needed for file://)'
            cand --allow-insecure-http 'Allow a plain http:// URL'
            cand -u 'Username for HTTP(S)'
            cand --username 'Username for HTTP(S)'
            cand -p 'Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)'
            cand --password 'Password or token for HTTP(S), or the passphrase of --private-key-file (also $GIT_PASSWORD)'
            cand --private-key-file 'SSH private key to push with; the cluster uses it too (default: a new key and ssh-agent for the push)'
            cand --ca-file 'A CA certificate (PEM) to trust for an HTTPS server with a private CA'
            cand --token-auth 'The cluster pulls with --username and --password (an HTTP(S) URL) instead of an SSH key'
            cand --ssh-hostname 'SSH host (HOST[:PORT]) the cluster pulls from when --url is http(s) without --token-auth (default: --url''s host)'
            cand -s 'Do not ask whether the deploy key was added'
            cand --silent 'Do not ask whether the deploy key was added'
            cand --branch 'Branch to commit to and sync from (created when missing)'
            cand --path 'Directory of this cluster in the repository (default: the root); floe writes only <path>/flux-system'
            cand --interval 'How often the cluster checks the repository for new commits'
            cand --secret-name 'Secret in the install namespace with the cluster''s Git credentials'
            cand --ssh-key-algorithm 'Algorithm of a generated SSH key'
            cand --ssh-ecdsa-curve 'Curve of a generated ECDSA key'
            cand --ssh-rsa-bits 'Size of a generated RSA key in bits (2048 to 8192)'
            cand --author-name 'Commit author name (default: git config user.name, else floe)'
            cand --author-email 'Commit author email (default: git config user.email)'
            cand --commit-message-appendix 'Text added to the end of the commit message'
            cand --dry-run 'Show the plan (repository actions, a diff of the files, a server-side dry run) and change nothing'
            cand --skip-version-check 'Install even when the cluster''s Kubernetes is older than the Flux release supports'
            cand -o 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)'
            cand --output 'Output: text (progress on stderr) or json (one object per step, then the result, on stdout)'
            cand --version 'Flux release to install, e.g. v2.9.4'
            cand --manifests 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)'
            cand --release-url 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml'
            cand --components 'Controllers to install (separate with commas)'
            cand --components-extra 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher'
            cand --registry 'Registry to pull the controller images from'
            cand --image-pull-secret 'Secret in the install namespace with credentials for --registry'
            cand --network-policy 'Install the network policies that restrict traffic to the controllers'
            cand --watch-all-namespaces 'Let the controllers watch objects in every namespace, not only the install namespace'
            cand --log-level 'The controllers'' log level'
            cand --toleration-keys 'Taint keys the controllers tolerate (separate with commas)'
            cand --cluster-domain 'The cluster''s DNS domain'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;bootstrap;help'= {
            cand github 'Bootstrap from a GitHub repository, created if it does not exist'
            cand git 'Bootstrap from any Git server (no provider API)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;bootstrap;help;github'= {
        }
        &'floe;bootstrap;help;git'= {
        }
        &'floe;bootstrap;help;help'= {
        }
        &'floe;install'= {
            cand --version 'Flux release to install, e.g. v2.9.4'
            cand --manifests 'Install from this install.yaml, or every .yaml file in this directory, instead of downloading (air-gapped clusters)'
            cand --release-url 'Where Flux release assets are downloaded from: <URL>/<version>/install.yaml'
            cand --components 'Controllers to install (separate with commas)'
            cand --components-extra 'Extra controllers: image-reflector-controller, image-automation-controller, source-watcher'
            cand --registry 'Registry to pull the controller images from'
            cand --image-pull-secret 'Secret in the install namespace with credentials for --registry'
            cand --network-policy 'Install the network policies that restrict traffic to the controllers'
            cand --watch-all-namespaces 'Let the controllers watch objects in every namespace, not only the install namespace'
            cand --log-level 'The controllers'' log level'
            cand --toleration-keys 'Taint keys the controllers tolerate (separate with commas)'
            cand --cluster-domain 'The cluster''s DNS domain'
            cand --export 'Print the manifests to stdout instead of applying them'
            cand --wait 'Wait for the controllers to roll out (--wait=false returns right after applying)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;check'= {
            cand --pre 'Check the prerequisites for installing Flux instead of the installed components'
            cand --version 'Flux release whose Kubernetes minimum --pre checks against'
            cand --skip-version-check 'Report a server older than the Flux release needs as passing (at your own risk)'
            cand -o 'Output format (json is documented in docs/output.md)'
            cand --output 'Output format (json is documented in docs/output.md)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand sources 'Show sources: git, helm, oci, bucket or all'
            cand source 'Show sources: git, helm, oci, bucket or all'
            cand syncs 'Show syncs (Flux Kustomizations)'
            cand sync 'Show syncs (Flux Kustomizations)'
            cand kustomizations 'Show syncs (Flux Kustomizations)'
            cand kustomization 'Show syncs (Flux Kustomizations)'
            cand ks 'Show syncs (Flux Kustomizations)'
            cand all 'Show every source and sync'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;get;sources'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;source'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;syncs'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;sync'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;kustomizations'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;kustomization'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;ks'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;all'= {
            cand -A 'List objects in every namespace'
            cand --all-namespaces 'List objects in every namespace'
            cand -o 'Output format (json and yaml are documented in docs/output.md)'
            cand --output 'Output format (json and yaml are documented in docs/output.md)'
            cand --status-selector 'Show only objects with a condition in this status, e.g. ready=false'
            cand -w 'After listing, print each change as it happens (until interrupted)'
            cand --watch 'After listing, print each change as it happens (until interrupted)'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;get;help'= {
            cand sources 'Show sources: git, helm, oci, bucket or all'
            cand syncs 'Show syncs (Flux Kustomizations)'
            cand all 'Show every source and sync'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;get;help;sources'= {
        }
        &'floe;get;help;syncs'= {
        }
        &'floe;get;help;all'= {
        }
        &'floe;get;help;help'= {
        }
        &'floe;create'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand kustomization 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand ks 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source;git'= {
            cand --url 'Repository URL: https://host/org/repo, http://... or ssh://git@host/org/repo'
            cand --branch 'Branch to follow (may be combined with --commit)'
            cand --tag 'Tag to check out'
            cand --tag-semver 'Semver range of tags to follow, e.g. ''>=1.0.0 <2.0.0'''
            cand --ref-name 'Full reference name, e.g. refs/heads/main or refs/pull/42/head'
            cand --commit 'Commit SHA to check out'
            cand --secret-ref 'Name of an existing secret with SSH keys or basic-auth credentials'
            cand --provider 'Who authenticates the pulls'
            cand --recurse-submodules 'Include Git submodules in the artifact'
            cand --ignore-paths 'Paths to leave out of the artifact, in .gitignore syntax (repeat or separate with commas)'
            cand --sparse-checkout-paths 'Check out only these directories (repeat or separate with commas)'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;helm'= {
            cand --url 'Repository URL: https://..., http://... or oci://registry/path'
            cand --secret-ref 'Name of an existing secret with credentials'
            cand --type 'Repository type; oci:// URLs are always `oci`'
            cand --oci 'Same as --type=oci'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;oci'= {
            cand --url 'Artifact URL: oci://registry/repository'
            cand --tag 'Tag to pull'
            cand --tag-semver 'Semver range of tags to follow'
            cand --digest 'Digest to pull, e.g. sha256:<hex>'
            cand --secret-ref 'Name of an existing image pull secret'
            cand --provider 'Who authenticates the pulls'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;bucket'= {
            cand --bucket-name 'Name of the bucket in the object store'
            cand --endpoint 'Object store endpoint, host[:port] without a scheme'
            cand --provider 'The object storage API'
            cand --region 'Bucket region'
            cand --insecure 'Use plain HTTP instead of HTTPS'
            cand --secret-ref 'Name of an existing secret with access keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;source;help'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;source;help;git'= {
        }
        &'floe;create;source;help;helm'= {
        }
        &'floe;create;source;help;oci'= {
        }
        &'floe;create;source;help;bucket'= {
        }
        &'floe;create;source;help;help'= {
        }
        &'floe;create;sync'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;kustomization'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;ks'= {
            cand --source 'Source to apply from, [Kind/]name[.namespace]; Kind is GitRepository (default), OCIRepository or Bucket'
            cand --path 'Directory in the source to apply, relative to its root'
            cand --prune 'Delete objects that were removed from the source'
            cand --wait 'Wait until every applied object is ready'
            cand --retry-interval 'How soon to retry after a failed reconciliation, e.g. 30s'
            cand --health-check-timeout 'How long health checks (--wait or --health-check) may take'
            cand --target-namespace 'Put every applied namespaced object in this namespace'
            cand --depends-on 'Kustomizations that must be ready first, name or namespace/name (repeat or separate with commas)'
            cand --health-check 'Workload to check after applying, Kind/name.namespace (repeat or separate with commas)'
            cand --service-account 'Service account to impersonate when applying'
            cand --decryption-provider 'Decrypt secrets with this provider'
            cand --decryption-secret 'Secret holding the decryption keys'
            cand --interval 'How often Flux reconciles the object, e.g. 30s, 1m, 1h'
            cand --label 'Set a label on the object, as key=value (repeat or separate with commas)'
            cand --export 'Print the object as YAML to stdout instead of applying it'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;create;help'= {
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;create;help;source'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
        }
        &'floe;create;help;source;git'= {
        }
        &'floe;create;help;source;helm'= {
        }
        &'floe;create;help;source;oci'= {
        }
        &'floe;create;help;source;bucket'= {
        }
        &'floe;create;help;sync'= {
        }
        &'floe;create;help;help'= {
        }
        &'floe;reconcile'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'Fetch a source now: git, helm, oci or bucket'
            cand sources 'Fetch a source now: git, helm, oci or bucket'
            cand sync 'Apply a sync (a Flux Kustomization) now'
            cand syncs 'Apply a sync (a Flux Kustomization) now'
            cand kustomization 'Apply a sync (a Flux Kustomization) now'
            cand ks 'Apply a sync (a Flux Kustomization) now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;reconcile;source'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;sources'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;sync'= {
            cand --with-source 'Fetch the sync''s source first'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;syncs'= {
            cand --with-source 'Fetch the sync''s source first'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;kustomization'= {
            cand --with-source 'Fetch the sync''s source first'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;ks'= {
            cand --with-source 'Fetch the sync''s source first'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;reconcile;help'= {
            cand source 'Fetch a source now: git, helm, oci or bucket'
            cand sync 'Apply a sync (a Flux Kustomization) now'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;reconcile;help;source'= {
        }
        &'floe;reconcile;help;sync'= {
        }
        &'floe;reconcile;help;help'= {
        }
        &'floe;suspend'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'A source: git, helm, oci or bucket'
            cand sources 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand syncs 'A sync (a Flux Kustomization)'
            cand kustomization 'A sync (a Flux Kustomization)'
            cand ks 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;suspend;source'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;sources'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;sync'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;syncs'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;kustomization'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;ks'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;suspend;help'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;suspend;help;source'= {
        }
        &'floe;suspend;help;sync'= {
        }
        &'floe;suspend;help;help'= {
        }
        &'floe;resume'= {
            cand --wait 'Return after clearing suspend, without waiting for the reconciliation'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'A source: git, helm, oci or bucket'
            cand sources 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand syncs 'A sync (a Flux Kustomization)'
            cand kustomization 'A sync (a Flux Kustomization)'
            cand ks 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;resume;source'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;sources'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;sync'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;syncs'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;kustomization'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;ks'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;resume;help'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;resume;help;source'= {
        }
        &'floe;resume;help;sync'= {
        }
        &'floe;resume;help;help'= {
        }
        &'floe;export'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'Sources: git, helm, oci or bucket'
            cand sources 'Sources: git, helm, oci or bucket'
            cand sync 'Syncs (Flux Kustomizations)'
            cand syncs 'Syncs (Flux Kustomizations)'
            cand kustomization 'Syncs (Flux Kustomizations)'
            cand ks 'Syncs (Flux Kustomizations)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;export;source'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;sources'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;sync'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;syncs'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;kustomization'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;ks'= {
            cand --all 'Export every object of the kind in the namespace'
            cand -A 'With --all, export from every namespace'
            cand --all-namespaces 'With --all, export from every namespace'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;export;help'= {
            cand source 'Sources: git, helm, oci or bucket'
            cand sync 'Syncs (Flux Kustomizations)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;export;help;source'= {
        }
        &'floe;export;help;sync'= {
        }
        &'floe;export;help;help'= {
        }
        &'floe;delete'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand source 'A source: git, helm, oci or bucket'
            cand sources 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand syncs 'A sync (a Flux Kustomization)'
            cand kustomization 'A sync (a Flux Kustomization)'
            cand ks 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;delete;source'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;sources'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;sync'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;syncs'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;kustomization'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;ks'= {
            cand -y 'Delete without asking'
            cand --yes 'Delete without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;delete;help'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;delete;help;source'= {
        }
        &'floe;delete;help;sync'= {
        }
        &'floe;delete;help;help'= {
        }
        &'floe;uninstall'= {
            cand --keep-namespace 'Leave the namespace (and the secrets in it) in place'
            cand -y 'Uninstall without asking'
            cand --yes 'Uninstall without asking'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;completion'= {
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;version'= {
            cand --client 'Print only the client versions; do not ask the cluster'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --kubeconfig 'Path to the kubeconfig file (default: $KUBECONFIG, then ~/.kube/config)'
            cand --context 'The kubeconfig context to use (default: the current context)'
            cand -n 'The namespace Flux runs in and new objects go to'
            cand --namespace 'The namespace Flux runs in and new objects go to'
            cand --timeout 'How long the whole command may take, every network operation included, e.g. 90s, 5m, 1h'
            cand --no-color 'Do not colour output (also when NO_COLOR is set)'
            cand -v 'Print more detail on stderr (repeat for more)'
            cand --verbose 'Print more detail on stderr (repeat for more)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'floe;help'= {
            cand bootstrap 'Set up GitOps: commit Flux to a repository, install it, and verify the cluster syncs'
            cand install 'Install the Flux controllers on the cluster'
            cand check 'Check the cluster before installing (--pre) or the installed controllers'
            cand get 'Show the state of sources and syncs'
            cand create 'Create or update Flux sources and syncs'
            cand reconcile 'Ask Flux to reconcile a source or sync now and wait for the result'
            cand suspend 'Stop reconciling a source or sync'
            cand resume 'Start reconciling a suspended source or sync again'
            cand export 'Print live sources and syncs as YAML to commit to Git'
            cand delete 'Delete a source or sync'
            cand uninstall 'Remove the Flux controllers, CRDs and namespace from the cluster'
            cand completion 'Print shell completion scripts'
            cand version 'Print floe''s version and the Flux version on the cluster'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'floe;help;bootstrap'= {
            cand github 'Bootstrap from a GitHub repository, created if it does not exist'
            cand git 'Bootstrap from any Git server (no provider API)'
        }
        &'floe;help;bootstrap;github'= {
        }
        &'floe;help;bootstrap;git'= {
        }
        &'floe;help;install'= {
        }
        &'floe;help;check'= {
        }
        &'floe;help;get'= {
            cand sources 'Show sources: git, helm, oci, bucket or all'
            cand syncs 'Show syncs (Flux Kustomizations)'
            cand all 'Show every source and sync'
        }
        &'floe;help;get;sources'= {
        }
        &'floe;help;get;syncs'= {
        }
        &'floe;help;get;all'= {
        }
        &'floe;help;create'= {
            cand source 'Create or update a source: git, helm, oci or bucket'
            cand sync 'Create or update a sync (a Flux Kustomization) that applies a path of a source'
        }
        &'floe;help;create;source'= {
            cand git 'Create or update a GitRepository source'
            cand helm 'Create or update a HelmRepository source'
            cand oci 'Create or update an OCIRepository source'
            cand bucket 'Create or update a Bucket source'
        }
        &'floe;help;create;source;git'= {
        }
        &'floe;help;create;source;helm'= {
        }
        &'floe;help;create;source;oci'= {
        }
        &'floe;help;create;source;bucket'= {
        }
        &'floe;help;create;sync'= {
        }
        &'floe;help;reconcile'= {
            cand source 'Fetch a source now: git, helm, oci or bucket'
            cand sync 'Apply a sync (a Flux Kustomization) now'
        }
        &'floe;help;reconcile;source'= {
        }
        &'floe;help;reconcile;sync'= {
        }
        &'floe;help;suspend'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
        }
        &'floe;help;suspend;source'= {
        }
        &'floe;help;suspend;sync'= {
        }
        &'floe;help;resume'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
        }
        &'floe;help;resume;source'= {
        }
        &'floe;help;resume;sync'= {
        }
        &'floe;help;export'= {
            cand source 'Sources: git, helm, oci or bucket'
            cand sync 'Syncs (Flux Kustomizations)'
        }
        &'floe;help;export;source'= {
        }
        &'floe;help;export;sync'= {
        }
        &'floe;help;delete'= {
            cand source 'A source: git, helm, oci or bucket'
            cand sync 'A sync (a Flux Kustomization)'
        }
        &'floe;help;delete;source'= {
        }
        &'floe;help;delete;sync'= {
        }
        &'floe;help;uninstall'= {
        }
        &'floe;help;completion'= {
        }
        &'floe;help;version'= {
        }
        &'floe;help;help'= {
        }
    ]
    $completions[$command]
}
