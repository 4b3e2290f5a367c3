//! A minimal DOM for html5ever to build: just enough tree to walk once.
//!
//! We do not use a general DOM crate because the cleaner needs only elements,
//! attributes and text, and must survive hostile nesting: dropping the tree is
//! iterative, so 100,000 nested elements cannot overflow the stack.

use html5ever::tendril::StrTendril;
use html5ever::{Attribute, QualName};
use markup5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use markup5ever::interface::ExpandedName;
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

/// What a node is.
pub enum Data {
    Document,
    Element {
        name: QualName,
        attrs: RefCell<Vec<Attribute>>,
        template: Option<Handle>,
    },
    Text(RefCell<StrTendril>),
    /// Comments, doctypes and processing instructions: never text.
    Other,
}

/// A node.
pub struct Node {
    pub data: Data,
    pub parent: Cell<Option<Weak<Node>>>,
    pub children: RefCell<Vec<Handle>>,
}

pub type Handle = Rc<Node>;

impl Node {
    fn new(data: Data) -> Handle {
        Rc::new(Node {
            data,
            parent: Cell::new(None),
            children: RefCell::new(Vec::new()),
        })
    }

    /// The element's local name ("" for non-elements).
    pub fn tag(&self) -> &str {
        match &self.data {
            Data::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// An attribute's value.
    pub fn attr(&self, name: &str) -> Option<String> {
        match &self.data {
            Data::Element { attrs, .. } => attrs
                .borrow()
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| a.value.to_string()),
            _ => None,
        }
    }
}

impl Drop for Node {
    // Iterative, so that deep trees cannot overflow the stack when dropped.
    fn drop(&mut self) {
        let mut stack = std::mem::take(&mut *self.children.borrow_mut());
        if let Data::Element {
            template: Some(t), ..
        } = &self.data
        {
            stack.push(t.clone());
        }
        while let Some(node) = stack.pop() {
            stack.extend(std::mem::take(&mut *node.children.borrow_mut()));
        }
    }
}

/// The tree sink.
pub struct Dom {
    pub document: Handle,
}

impl Default for Dom {
    fn default() -> Self {
        Dom {
            document: Node::new(Data::Document),
        }
    }
}

fn parent_of(node: &Handle) -> Option<Handle> {
    let weak = node.parent.take();
    let parent = weak.as_ref().and_then(Weak::upgrade);
    node.parent.set(weak);
    parent
}

/// Where `child` is among `parent`'s children (0 if it is not there).
fn index_of(parent: &Handle, child: &Handle) -> usize {
    parent
        .children
        .borrow()
        .iter()
        .position(|c| Rc::ptr_eq(c, child))
        .unwrap_or(0)
}

fn detach(node: &Handle) {
    if let Some(parent) = parent_of(node) {
        parent
            .children
            .borrow_mut()
            .retain(|c| !Rc::ptr_eq(c, node));
    }
    node.parent.set(None);
}

fn append_node(parent: &Handle, child: Handle) {
    detach(&child);
    child.parent.set(Some(Rc::downgrade(parent)));
    parent.children.borrow_mut().push(child);
}

fn merge_text(node: &Handle, text: &StrTendril) -> bool {
    if let Data::Text(t) = &node.data {
        t.borrow_mut().push_tendril(text);
        true
    } else {
        false
    }
}

static EMPTY_NAME: std::sync::LazyLock<QualName> = std::sync::LazyLock::new(|| {
    QualName::new(None, markup5ever::ns!(), markup5ever::local_name!(""))
});

impl TreeSink for Dom {
    type Handle = Handle;
    type Output = Self;
    type ElemName<'a> = ExpandedName<'a>;

    fn finish(self) -> Self {
        self
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        self.document.clone()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> ExpandedName<'a> {
        match &target.data {
            Data::Element { name, .. } => name.expanded(),
            _ => EMPTY_NAME.expanded(),
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        let template = flags.template.then(|| Node::new(Data::Document));
        Node::new(Data::Element {
            name,
            attrs: RefCell::new(attrs),
            template,
        })
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Node::new(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Node::new(Data::Other)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        match child {
            NodeOrText::AppendText(text) => {
                let last = parent.children.borrow().last().cloned();
                if !last.is_some_and(|l| merge_text(&l, &text)) {
                    append_node(parent, Node::new(Data::Text(RefCell::new(text))));
                }
            }
            NodeOrText::AppendNode(node) => append_node(parent, node),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if parent_of(element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        match &target.data {
            Data::Element {
                template: Some(t), ..
            } => t.clone(),
            // html5ever only asks for templates; answer something harmless otherwise.
            _ => target.clone(),
        }
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        Rc::ptr_eq(x, y)
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, child: NodeOrText<Handle>) {
        let Some(parent) = parent_of(sibling) else {
            return;
        };
        let index = index_of(&parent, sibling);
        let node = match child {
            NodeOrText::AppendText(text) => {
                if index > 0 {
                    let prev = parent.children.borrow()[index - 1].clone();
                    if merge_text(&prev, &text) {
                        return;
                    }
                }
                Node::new(Data::Text(RefCell::new(text)))
            }
            NodeOrText::AppendNode(node) => node,
        };
        // Detaching may have moved the sibling (if the node was an earlier child).
        detach(&node);
        let index = index_of(&parent, sibling);
        node.parent.set(Some(Rc::downgrade(&parent)));
        parent.children.borrow_mut().insert(index, node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, new: Vec<Attribute>) {
        if let Data::Element { attrs, .. } = &target.data {
            let mut attrs = attrs.borrow_mut();
            for a in new {
                if !attrs.iter().any(|e| e.name == a.name) {
                    attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        detach(target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let children = std::mem::take(&mut *node.children.borrow_mut());
        for child in &children {
            child.parent.set(Some(Rc::downgrade(new_parent)));
        }
        new_parent.children.borrow_mut().extend(children);
    }
}

/// Parses an HTML document.
pub fn parse(html: &str) -> Dom {
    use html5ever::tendril::TendrilSink;
    html5ever::parse_document(Dom::default(), Default::default()).one(html)
}
